-- The metrics' view of each queue a worker serves (rondo.queue.depth, rondo.queue.oldest.age): the items
-- due now that nobody holds, and how long the oldest of them has waited. One statement for all queues,
-- run every few seconds by a worker that has a meter registry (not per scrape), over queue_items_next_due
-- (queue, run_at WHERE lease_owner IS NULL), so it reads only the waiting part of each queue.
SELECT q.queue, count(i.run_at) AS depth,
       coalesce(EXTRACT(EPOCH FROM now() - min(i.run_at)), 0)::float8 AS oldest_seconds
FROM unnest(CAST(:queues AS text[])) AS q(queue)
LEFT JOIN queue_items i ON i.queue = q.queue AND i.lease_owner IS NULL AND i.run_at <= now()
GROUP BY q.queue

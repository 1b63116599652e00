-- The metrics' view of each queue a worker serves (rondo.queue.depth, rondo.queue.oldest.age): the items
-- due now that nobody holds, and how long the oldest of them has waited. One statement for all queues,
-- run every few seconds by a worker that has a meter registry (not per scrape), over the claim index and, for
-- items with a fairness key (V15), queue_items_fair_due, so it reads only the waiting part of each queue.
SELECT q.queue, count(i.run_at) AS depth,
       coalesce(EXTRACT(EPOCH FROM now() - min(i.run_at)), 0)::float8 AS oldest_seconds
FROM unnest(CAST(:queues AS text[])) AS q(queue)
LEFT JOIN LATERAL (
    SELECT run_at FROM queue_items
    WHERE queue = q.queue AND lease_owner IS NULL AND fair_key IS NULL AND run_at <= now()
    UNION ALL
    SELECT run_at FROM queue_items
    WHERE queue = q.queue AND lease_owner IS NULL AND fair_key IS NOT NULL AND run_at <= now()
) i ON true
GROUP BY q.queue

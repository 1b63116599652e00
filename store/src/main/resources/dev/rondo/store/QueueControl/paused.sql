-- The paused queues, by name, with who paused them and when, and how many items wait in each.
SELECT p.queue, p.paused_by, p.paused_at,
       -- the two parts through their indexes: unkeyed items, and those with a fairness key (V15)
       (SELECT count(*) FROM queue_items q WHERE q.queue = p.queue AND q.lease_owner IS NULL AND q.fair_key IS NULL)
       + (SELECT count(*) FROM queue_items q WHERE q.queue = p.queue AND q.lease_owner IS NULL AND q.fair_key IS NOT NULL)
         AS waiting
FROM paused_queues p
ORDER BY p.queue

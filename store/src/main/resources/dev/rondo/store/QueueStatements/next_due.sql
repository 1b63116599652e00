-- Milliseconds until the earliest unclaimed item of these queues (negative when one is due already),
-- null when there is none: a worker with nothing to do sleeps that long (or until notified).
-- Read through the claim index, (queue, priority DESC, run_at, id) over unclaimed items, which orders by
-- run_at only within a priority: the recursive part walks a queue's priorities in use, highest first, one
-- index probe each (there are few), and the earliest item of each priority is the first entry after it.
-- Items with a fairness key (V15) are not in the claim index: their earliest is one probe of
-- queue_items_fair_due (queue, run_at), an empty index unless fairness is used.
-- A paused queue (paused_queues) is left out: its due items cannot be claimed, and counting them would wake
-- the worker again at once; resuming it notifies the queue's channel.
WITH RECURSIVE priorities AS (
    SELECT q.name AS queue,
           (SELECT max(priority) FROM queue_items WHERE queue = q.name AND lease_owner IS NULL AND fair_key IS NULL)
               AS priority
    FROM unnest(CAST(:queues AS text[])) AS q(name)
    WHERE NOT EXISTS (SELECT 1 FROM paused_queues p WHERE p.queue = q.name)
    UNION ALL
    SELECT p.queue,
           (SELECT max(priority) FROM queue_items
            WHERE queue = p.queue AND lease_owner IS NULL AND fair_key IS NULL AND priority < p.priority)
    FROM priorities p
    WHERE p.priority IS NOT NULL
), earliest AS (
    SELECT next.run_at
    FROM priorities p,
         LATERAL (SELECT run_at FROM queue_items
                  WHERE queue = p.queue AND lease_owner IS NULL AND fair_key IS NULL AND priority = p.priority
                  ORDER BY run_at
                  LIMIT 1) AS next
    WHERE p.priority IS NOT NULL
    UNION ALL
    SELECT (SELECT min(run_at) FROM queue_items WHERE queue = q.name AND lease_owner IS NULL AND fair_key IS NOT NULL)
    FROM unnest(CAST(:queues AS text[])) AS q(name)
    WHERE NOT EXISTS (SELECT 1 FROM paused_queues p WHERE p.queue = q.name)
)
SELECT (EXTRACT(EPOCH FROM min(run_at) - now()) * 1000)::bigint FROM earliest

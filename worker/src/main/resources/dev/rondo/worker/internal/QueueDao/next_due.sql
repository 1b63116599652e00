-- Milliseconds until the earliest unclaimed item of these queues (negative when one is due already),
-- null when there is none: a worker with nothing to do sleeps that long (or until notified).
SELECT (EXTRACT(EPOCH FROM min(next.run_at) - now()) * 1000)::bigint
FROM unnest(CAST(:queues AS text[])) AS q(name),
     LATERAL (SELECT run_at FROM queue_items
              WHERE queue = q.name AND lease_owner IS NULL
              ORDER BY run_at
              LIMIT 1) AS next

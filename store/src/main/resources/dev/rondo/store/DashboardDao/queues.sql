-- Per queue: items waiting now (due, unclaimed), their oldest due time, items due later (timers, retries),
-- items held by workers, and executions finished in the last minute and hour. queue_items is the small hot
-- table; the finished counts walk executions_finished_by_queue (V11) over the last hour only. Queues named
-- only by a worker of the registry are listed too, with zeros.
WITH items AS (
    SELECT queue,
           count(*) FILTER (WHERE lease_owner IS NULL AND run_at <= now()) AS waiting,
           min(run_at) FILTER (WHERE lease_owner IS NULL AND run_at <= now()) AS oldest_due,
           count(*) FILTER (WHERE lease_owner IS NULL AND run_at > now()) AS scheduled,
           count(*) FILTER (WHERE lease_owner IS NOT NULL) AS leased
    FROM queue_items
    GROUP BY queue
), finished AS (
    SELECT queue,
           count(*) FILTER (WHERE finished_at > now() - interval '1 minute') AS last_minute,
           count(*) AS last_hour
    FROM executions
    WHERE finished_at > now() - interval '1 hour'
    GROUP BY queue
), named AS (
    SELECT queue FROM items
    UNION SELECT queue FROM finished
    UNION SELECT unnest(queues) FROM workers
)
SELECT n.queue, coalesce(i.waiting, 0) AS waiting, i.oldest_due, coalesce(i.scheduled, 0) AS scheduled,
       coalesce(i.leased, 0) AS leased, coalesce(f.last_minute, 0) AS last_minute,
       coalesce(f.last_hour, 0) AS last_hour
FROM named n
LEFT JOIN items i ON i.queue = n.queue
LEFT JOIN finished f ON f.queue = n.queue
ORDER BY n.queue

-- Per queue: items waiting now (due, unclaimed), their oldest due time, items due later (timers, retries),
-- items held by workers, and executions finished in the last minute and hour. queue_items is the small hot
-- table; the finished counts sum the counters of queue_throughput (V18) over the last hour, in whole
-- 10-second buckets (the last minute is the buckets that started in it: 50 to 60 seconds of ends). Queues
-- named only by a worker of the registry are listed too, with zeros.
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
           coalesce(sum(finished) FILTER (WHERE bucket > now() - interval '1 minute'), 0)::bigint AS last_minute,
           sum(finished)::bigint AS last_hour
    FROM queue_throughput
    WHERE bucket > now() - interval '1 hour'
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

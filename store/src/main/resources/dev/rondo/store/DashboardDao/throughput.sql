-- The queues page's charts: executions (workflows and tasks) finished per queue in each of the last 60
-- minutes (minute 0 is the one now running), from the same counters as the page's last-hour count
-- (queue_throughput, V18; a 10-second bucket falls in the minute it started in); minutes with nothing
-- finished are absent.
SELECT queue, floor(EXTRACT(EPOCH FROM now() - bucket) / 60)::int AS minutes_ago, sum(finished)::bigint AS finished
FROM queue_throughput
WHERE bucket > now() - interval '1 hour'
GROUP BY 1, 2

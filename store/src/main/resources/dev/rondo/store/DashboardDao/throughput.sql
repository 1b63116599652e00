-- The queues page's charts: executions (workflows and tasks) finished per queue in each of the last 60
-- minutes (minute 0 is the one now running). A range over executions_finished_by_queue (V11), the same rows
-- the page's last-hour count reads; minutes with nothing finished are absent.
SELECT queue, floor(EXTRACT(EPOCH FROM now() - finished_at) / 60)::int AS minutes_ago, count(*) AS finished
FROM executions
WHERE finished_at > now() - interval '1 hour'
GROUP BY 1, 2

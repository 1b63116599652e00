-- The worker registry (V6), most recently seen first, with how long ago each was seen by the database's clock.
SELECT id, host, pid, queues, concurrency, in_flight, started_at, last_seen,
       extract(epoch FROM now() - last_seen) AS seen_seconds_ago
FROM workers
ORDER BY last_seen DESC, id

INSERT INTO timers (execution_id, promise, fire_at)
SELECT :id, t.promise, to_timestamp(t.fire_at_millis / 1000.0)
FROM unnest(CAST(:promises AS integer[]), CAST(:fireAtMillis AS bigint[])) AS t(promise, fire_at_millis)
ON CONFLICT (execution_id, promise) DO NOTHING

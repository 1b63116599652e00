-- After firing: the next fire time, a fire time left buffered (overlap 'buffer'), the newest run.
UPDATE schedules
SET next_fire_at = CAST(:nextFireAt AS timestamptz), buffered_fire_at = CAST(:bufferedFireAt AS timestamptz), last_execution_id = :lastExecutionId
WHERE name = :name

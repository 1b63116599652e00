-- The newest fire times of a schedule, newest first, with what became of each.
SELECT f.fire_at, f.reason, f.outcome, f.execution_id, e.status, f.recorded_at
FROM schedule_fires f
LEFT JOIN executions e ON e.id = f.execution_id
WHERE f.schedule = :name
ORDER BY f.fire_at DESC
LIMIT :limit

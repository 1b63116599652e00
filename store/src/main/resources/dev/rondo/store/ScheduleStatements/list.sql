-- Schedules by name (:name null: all), with the newest run they started and how it stands.
SELECT s.name, s.workflow, s.queue, s.cron, s.every_seconds, s.time_zone, s.input, s.overlap, s.catchup,
       s.paused, s.declared, s.anchor, s.next_fire_at, s.buffered_fire_at, s.last_execution_id,
       e.status AS last_status, s.created_at
FROM schedules s
LEFT JOIN executions e ON e.id = s.last_execution_id
WHERE CAST(:name AS text) IS NULL OR s.name = :name
ORDER BY s.name

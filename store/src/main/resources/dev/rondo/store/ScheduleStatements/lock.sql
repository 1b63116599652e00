-- One schedule, locked for a trigger or a backfill (waits for a firer that holds it: a trigger is rare).
SELECT s.name, s.workflow, s.queue, s.cron, s.every_seconds, s.time_zone, s.input, s.overlap, s.catchup,
       s.anchor, s.next_fire_at, s.buffered_fire_at, s.last_execution_id,
       (SELECT e.finished_at IS NULL FROM executions e WHERE e.id = s.last_execution_id) AS last_running,
       now() AS now
FROM schedules s
WHERE s.name = :name
FOR UPDATE OF s

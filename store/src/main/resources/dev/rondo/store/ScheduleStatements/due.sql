-- The firer's claim: schedules with a fire time that is due, or a buffered fire time (overlap 'buffer')
-- waiting for the run before it to end, locked for the firer's transaction. SKIP LOCKED: another worker's
-- firer takes the others, and a schedule being fired is not waited for. last_running says whether the
-- newest run the schedule started is still going (null: none, or it was pruned).
SELECT s.name, s.workflow, s.queue, s.cron, s.every_seconds, s.time_zone, s.input, s.overlap, s.catchup,
       s.anchor, s.next_fire_at, s.buffered_fire_at, s.last_execution_id,
       (SELECT e.finished_at IS NULL FROM executions e WHERE e.id = s.last_execution_id) AS last_running,
       now() AS now
FROM schedules s
WHERE NOT s.paused AND (s.next_fire_at <= now() OR s.buffered_fire_at IS NOT NULL)
ORDER BY s.next_fire_at
LIMIT :limit
FOR UPDATE OF s SKIP LOCKED

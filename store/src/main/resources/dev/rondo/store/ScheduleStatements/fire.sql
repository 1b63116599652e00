-- One fire time of a schedule, started exactly once: the fire time is recorded in schedule_fires, whose
-- key (schedule, fire_at) holds it, and only a fire row this statement inserted starts the execution (its
-- id made of the schedule and the fire time, so even a second row could not start a second run). The
-- execution is pinned to the workflow's version deployed now, with the fire time as its scheduled_at
-- (Context.scheduledAt); its first queue item wakes the queue's workers when the firer commits. A
-- workflow that is not deployed records the fire time as 'not_deployed' and starts nothing.
WITH head AS (
    SELECT hash FROM flow_heads WHERE name = :workflow
), fire AS (
    INSERT INTO schedule_fires (schedule, fire_at, reason, outcome, execution_id)
    SELECT CAST(:schedule AS text), CAST(:fireAt AS timestamptz), CAST(:reason AS text),
           CASE WHEN EXISTS (SELECT 1 FROM head) THEN 'started' ELSE 'not_deployed' END,
           CASE WHEN EXISTS (SELECT 1 FROM head) THEN CAST(:id AS text) END
    ON CONFLICT (schedule, fire_at) DO NOTHING
    RETURNING execution_id
), started AS (
    INSERT INTO executions (id, kind, name, definition_hash, queue, priority, status, input, scheduled_at)
    SELECT f.execution_id, 'workflow', :workflow, head.hash, :queue, 0, 'queued', :input, CAST(:fireAt AS timestamptz)
    FROM fire f, head
    WHERE f.execution_id IS NOT NULL
    ON CONFLICT (id) DO NOTHING
    RETURNING id, queue
), item AS (
    INSERT INTO queue_items (execution_id, queue, priority)
    SELECT id, queue, 0 FROM started
    RETURNING queue
)
SELECT EXISTS (SELECT 1 FROM fire) AS recorded,
       (SELECT count(pg_notify({{work_channel}}, queue)) FROM item) > 0 AS started

-- Cancels a tree in one statement (docs/engine.md, "Failures and cancellation"): execution :id and every
-- unfinished descendant (children, grandchildren, their tasks, found by a recursive walk over parent_id)
-- are flagged at once, however deep the tree, instead of one level per slice. Used by the client's
-- cancel (the root is :id) and by a slice that handles its cancel request (to reach children it started
-- since). The walk passes through executions flagged before, so their new children are reached too.
--  * a workflow newly flagged gets a cancel request in its inbox (in the order it happened relative to
--    other outcomes; the flag makes every later slice throw CancelledError) and a wake-up, so each level
--    runs its own catch/finally at once, side by side;
--  * a task no worker has claimed (or still waiting for a concurrency slot) never runs: its item goes and it ends cancelled (its workflow is being
--    cancelled too, so nothing awaits its outcome); a running task sees the flag through
--    TaskContext.cancelled().
-- One UPDATE sets both (a row may be modified once per statement). Returns how many queues were woken.
WITH RECURSIVE tree AS (
    SELECT id, kind FROM executions WHERE id = :id AND finished_at IS NULL
    UNION ALL
    SELECT e.id, e.kind
    FROM executions e JOIN tree t ON e.parent_id = t.id
    WHERE t.kind = 'workflow' AND e.finished_at IS NULL
), unqueued AS (
    DELETE FROM queue_items q
    USING tree t
    WHERE q.execution_id = t.id AND t.kind = 'task' AND q.lease_owner IS NULL
    RETURNING q.execution_id
), ungated AS (
    -- a task still waiting for a concurrency slot (docs/scheduling.md) has not started either
    DELETE FROM concurrency_waiting w
    USING tree t
    WHERE w.execution_id = t.id AND t.kind = 'task'
    RETURNING w.execution_id
), unstarted AS (
    SELECT execution_id FROM unqueued UNION ALL SELECT execution_id FROM ungated
), flagged AS (
    UPDATE executions e
    SET cancel_requested = true,
        status = CASE WHEN u.execution_id IS NULL THEN e.status ELSE 'cancelled' END,
        error = CASE WHEN u.execution_id IS NULL THEN e.error
                     ELSE '{"name":"CancelledError","message":"The workflow that started the task was cancelled."}' END,
        finished_at = CASE WHEN u.execution_id IS NULL THEN e.finished_at ELSE now() END
    FROM tree t LEFT JOIN unstarted u ON u.execution_id = t.id
    WHERE e.id = t.id AND (NOT e.cancel_requested OR u.execution_id IS NOT NULL)
    RETURNING e.id, e.kind, e.queue, e.priority, u.execution_id IS NOT NULL AS ended
), requests AS (
    INSERT INTO inbox (execution_id, kind)
    SELECT id, 'cancel' FROM flagged WHERE kind = 'workflow'
), wake AS (
    INSERT INTO queue_items (execution_id, queue, priority)
    SELECT id, queue, priority FROM flagged WHERE kind = 'workflow' ORDER BY id
    {{wake_up}}
    RETURNING queue
)
SELECT count(pg_notify({{work_channel}}, queue))::integer FROM (SELECT DISTINCT queue FROM wake) AS q

-- Cancels a tree in one statement (docs/engine.md, "Failures and cancellation"): execution :id and every
-- unfinished descendant (children, grandchildren, their tasks, found by a recursive walk over parent_id)
-- are flagged at once, however deep the tree, instead of one level per slice. Used by the client's
-- cancel (:handling false, the root is :id) and by the slice that handles a workflow's cancel request
-- (:handling true, to reach what its children started while the request was made).
-- The walk never enters an execution flagged before (LANGUAGE.md §6: CancelledError is thrown once):
--  * a client's cancel of a workflow already cancelled does nothing (no new request, no wake-up, 0 back),
--    so the tasks and children its compensation started are never cancelled by a second request;
--  * a descendant flagged before handles its own subtree in its own slice (it got a request then), so a
--    compensation it started since is left alone too.
-- What is flagged:
--  * a workflow gets a cancel request in its inbox (in the order it happened relative to other outcomes;
--    its next slice throws CancelledError once, at the await where it waits) and a wake-up, so each level
--    runs its own catch/finally at once, side by side;
--  * a task no worker has claimed (or still waiting for a concurrency slot) never runs: its item goes, it
--    ends cancelled, and its workflow gets a task_failed outcome for it (with a wake-up), so a
--    compensation that awaits it gets a TaskError instead of waiting forever; a running task sees the flag
--    through TaskContext.cancelled() and its outcome arrives as usual.
-- One UPDATE sets both (a row may be modified once per statement). Returns how many queues were woken.
WITH RECURSIVE tree AS (
    SELECT id, kind FROM executions
    WHERE id = :id AND finished_at IS NULL AND (CAST(:handling AS boolean) OR NOT cancel_requested)
    UNION ALL
    SELECT e.id, e.kind
    FROM executions e JOIN tree t ON e.parent_id = t.id
    WHERE t.kind = 'workflow' AND e.finished_at IS NULL AND NOT e.cancel_requested
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
    RETURNING e.id, e.kind, e.queue, e.priority, e.fair_key, e.fair_weight, e.parent_id, e.parent_promise, u.execution_id IS NOT NULL AS ended
), counted AS (
    -- the tasks that ended here, for the dashboard's finished counts (V18)
    {{count_ended}} FROM flagged WHERE ended GROUP BY queue {{add_to_throughput}}
), requests AS (
    INSERT INTO inbox (execution_id, kind)
    SELECT id, 'cancel' FROM flagged WHERE kind = 'workflow'
), task_outcomes AS (
    INSERT INTO inbox (execution_id, promise, kind, payload)
    SELECT parent_id, parent_promise, 'task_failed',
           json_build_object('message', 'The task was cancelled before it started: the workflow that started it was cancelled.',
                             'attempts', 0, 'details', NULL)::text
    FROM flagged WHERE kind = 'task' AND ended AND parent_id IS NOT NULL
), wake AS (
    -- UNION, not UNION ALL: a workflow both flagged and waiting for a task's outcome gets one row
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    SELECT id, queue, priority, fair_key, fair_weight FROM (
        SELECT id, queue, priority, fair_key, fair_weight FROM flagged WHERE kind = 'workflow'
        UNION
        SELECT w.id, w.queue, w.priority, w.fair_key, w.fair_weight FROM executions w
        WHERE w.id IN (SELECT parent_id FROM flagged WHERE kind = 'task' AND ended)
    ) AS w ORDER BY id
    {{wake_up}}
    RETURNING queue
)
SELECT count(pg_notify({{work_channel}}, queue))::integer FROM (SELECT DISTINCT queue FROM wake) AS q

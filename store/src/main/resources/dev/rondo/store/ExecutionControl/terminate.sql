-- Terminates a tree in one statement (docs/operations.md, "Terminate"): execution :id and every unfinished
-- descendant (the walk of ExecutionDao/request_cancel.sql; the caller has locked its workflows with
-- lock_tree.sql) end 'terminated' at once and none of their code runs again:
--  * their unleased queue items, timers, checkpoints and concurrency waits go. A leased item is left to
--    its worker: a slice that opens on an ended workflow drops it, and a running task's end changes nothing
--    (QueueStatements/finish_tasks.sql ends only unfinished tasks), so its late result is discarded;
--    cancel_requested is set so that a running task sees TaskContext.cancelled();
--  * each workflow gets a 'terminated' history row and a rondo_done notification (result() waiters wake);
--  * the root's parent, when it has one outside the tree and it is unfinished, gets the outcome
--    (child_failed with :childError) and a wake-up: its await fails with a WorkflowError that says so;
--  * concurrency keys the tree held slots of are sent on rondo_admit, so waiting work is admitted now.
-- :rootError is the root's error (JSON text), :error that of its descendants, :detail the history detail.
-- Returns how many executions ended.
WITH RECURSIVE tree AS (
    SELECT id, kind FROM executions WHERE id = :id AND finished_at IS NULL
    UNION ALL
    SELECT e.id, e.kind
    FROM executions e JOIN tree t ON e.parent_id = t.id
    WHERE t.kind = 'workflow' AND e.finished_at IS NULL
), ended AS (
    UPDATE executions e
    SET status = 'terminated', cancel_requested = true, result = NULL,
        error = CASE WHEN e.id = :id THEN :rootError ELSE :error END,
        finished_at = now()
    FROM tree t
    WHERE e.id = t.id AND e.finished_at IS NULL
    RETURNING e.id, e.kind, e.queue, e.parent_id, e.parent_promise
), counted AS (
    -- for the dashboard's finished counts (V18)
    {{count_ended}} FROM ended GROUP BY queue {{add_to_throughput}}
), unqueued AS (
    DELETE FROM queue_items q USING ended WHERE q.execution_id = ended.id AND q.lease_owner IS NULL
), untimed AS (
    DELETE FROM timers t USING ended WHERE t.execution_id = ended.id
), unsaved AS (
    DELETE FROM checkpoints c USING ended WHERE c.execution_id = ended.id
), ungated AS (
    DELETE FROM concurrency_waiting w USING ended WHERE w.execution_id = ended.id
), events AS (
    INSERT INTO history (execution_id, seq, kind, detail)
    SELECT ended.id, coalesce((SELECT max(seq) FROM history h WHERE h.execution_id = ended.id), 0) + 1,
           'terminated', :detail
    FROM ended WHERE ended.kind = 'workflow'
), parent AS (
    SELECT p.id, p.queue, p.priority, p.fair_key, p.fair_weight, ended.parent_promise
    FROM ended JOIN executions p ON p.id = ended.parent_id
    WHERE ended.id = :id AND p.finished_at IS NULL
), message AS (
    INSERT INTO inbox (execution_id, promise, kind, payload)
    SELECT id, parent_promise, 'child_failed', :childError FROM parent
), wake AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    SELECT id, queue, priority, fair_key, fair_weight FROM parent
    {{wake_up}}
    RETURNING queue
), freed AS (
    SELECT DISTINCT h.key FROM concurrency_holders h JOIN ended ON ended.id = h.execution_id
)
SELECT (SELECT count(*) FROM ended) AS ended,
       (SELECT count(pg_notify({{done_channel}}, CASE WHEN octet_length(id) <= 4000 THEN id ELSE left(id, 1000) || '...' END))
        FROM ended WHERE kind = 'workflow') AS done,
       (SELECT count(pg_notify({{work_channel}}, queue)) FROM wake) AS woken,
       (SELECT count(pg_notify({{admit_channel}}, key)) FROM freed) AS admitted

-- Ends many task attempts in one statement (a batch of completions and final failures): each item still
-- leased by this worker is deleted, its task execution ends ('resolved' → completed with the payload as
-- result; 'task_failed' → failed with the payload as error), and an unfinished parent gets the outcome in
-- its inbox and one wake-up (upserted in id order, so concurrent batches lock parents in the same order).
-- The ends are counted in queue_throughput (V18) for the dashboard.
-- Items this worker no longer holds (rescued by another worker, or by itself for a later attempt) are left alone. Returns one row: the items
-- that were still held, and so ended, and the queues of the parents they woke, so that the worker can wake
-- its own dispatcher at once rather than through the notification. (Aggregates, not a row per item joined
-- back to its task: the planner joins the CTEs' rows pairwise, a quarter of the statement's time at 128.)
WITH finished AS (
    SELECT *
    FROM unnest(CAST(:items AS bigint[]), CAST(:outcomes AS text[]), CAST(:payloads AS text[]),
                CAST(:attempts AS integer[])) AS f(item_id, outcome, payload, attempt)
), done AS (
    -- fenced by attempt as well as by worker: when this worker's lease ran out and it claimed the task
    -- again itself, the item is its own again, but the stale attempt's end must not be kept (the task's
    -- attempt column counts the attempts before the running one)
    DELETE FROM queue_items q
    USING finished f, executions e
    WHERE q.id = f.item_id AND (q.lease_owner = :owner OR CAST(:owner AS text) IS NULL)
      AND e.id = q.execution_id AND e.attempt = f.attempt - 1
    RETURNING q.id AS item_id, q.execution_id, f.outcome, f.payload, f.attempt
), task AS (
    UPDATE executions e
    SET status      = CASE done.outcome WHEN 'resolved' THEN 'completed' ELSE 'failed' END,
        result      = CASE done.outcome WHEN 'resolved' THEN done.payload END,
        error       = CASE done.outcome WHEN 'resolved' THEN NULL ELSE done.payload END,
        attempt     = done.attempt,
        started_at  = coalesce(e.started_at, now()),
        finished_at = now()
    FROM done
    WHERE e.id = done.execution_id AND e.kind = 'task' AND e.finished_at IS NULL
    RETURNING e.id, e.queue, e.parent_id, e.parent_promise, done.outcome, done.payload
), counted AS (
    -- the queues page's finished counts (V18: a task's end changes no indexed column, so it is HOT)
    {{count_ended}} FROM task GROUP BY queue {{add_to_throughput}}
), parent AS (
    SELECT p.id, p.queue, p.priority, p.fair_key, p.fair_weight
    FROM executions p
    WHERE p.id IN (SELECT parent_id FROM task) AND p.finished_at IS NULL
), message AS (
    INSERT INTO inbox (execution_id, promise, kind, payload)
    SELECT t.parent_id, t.parent_promise, t.outcome, t.payload
    FROM task t JOIN parent p ON p.id = t.parent_id
    ORDER BY t.id
), wake AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    SELECT id, queue, priority, fair_key, fair_weight FROM parent ORDER BY id
    {{wake_up}}
    RETURNING execution_id, queue
), notified AS (
    SELECT pg_notify({{work_channel}}, queue) FROM (SELECT DISTINCT queue FROM wake) AS w
)
-- A CTE that only reads runs when referenced: the count makes the notifications happen.
SELECT (SELECT coalesce(array_agg(item_id), '{}') FROM done) AS ended,
       (SELECT coalesce(array_agg(DISTINCT queue), '{}') FROM wake) AS woken,
       (SELECT count(*) FROM notified) AS notified

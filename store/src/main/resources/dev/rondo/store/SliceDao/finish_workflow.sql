-- A workflow ends: its status and result or error, its checkpoint and timers dropped (a failed one keeps
-- both, and its checkpoint history: it can be retried or rewound, docs/operations.md; the others drop
-- their checkpoint history unless :keepHistory), waiters on
-- rondo_done woken, an unfinished parent given the outcome and a wake-up, and the end counted for the
-- dashboard (queue_throughput, V18). The notification's payload
-- is the execution id, cut short when it is too long for NOTIFY (8000 bytes): a payload is only a hint
-- (waiters re-read the execution on any notification), and an end that cannot notify could never commit.
WITH ended AS (
    UPDATE executions
    SET status = :status, result = :result, error = :error,
        started_at = coalesce(started_at, now()), finished_at = now()
    WHERE id = :id
    RETURNING id, queue, parent_id, parent_promise
), counted AS (
    {{count_ended}} FROM ended GROUP BY queue {{add_to_throughput}}
), dropped_checkpoint AS (
    DELETE FROM checkpoints WHERE execution_id = :id AND :status <> 'failed'
), dropped_timers AS (
    DELETE FROM timers WHERE execution_id = :id AND :status <> 'failed'
), dropped_history AS (
    DELETE FROM checkpoint_history
    WHERE execution_id = :id AND :status <> 'failed' AND NOT CAST(:keepHistory AS boolean)
), parent AS (
    SELECT p.id, p.queue, p.priority, p.fair_key, p.fair_weight
    FROM executions p JOIN ended ON p.id = ended.parent_id
    WHERE p.finished_at IS NULL
), message AS (
    INSERT INTO inbox (execution_id, promise, kind, payload)
    SELECT ended.parent_id, ended.parent_promise, :parentKind, :parentPayload
    FROM ended JOIN parent ON parent.id = ended.parent_id
), wake AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    SELECT id, queue, priority, fair_key, fair_weight FROM parent
    {{wake_up}}
    RETURNING queue
)
SELECT pg_notify({{done_channel}}, CASE WHEN octet_length(:id) <= 4000 THEN :id ELSE left(:id, 1000) || '...' END), (SELECT count(pg_notify({{work_channel}}, queue)) FROM wake)

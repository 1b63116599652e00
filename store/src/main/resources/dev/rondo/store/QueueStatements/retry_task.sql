-- A failed attempt with attempts left: the item becomes claimable again after the backoff, if this worker
-- still holds it (or, with :owner null, whoever held it: a rescue). The notification lets sleeping workers
-- see the new due time. Returns 1 when the retry was scheduled.
-- Fenced by attempt as well as by worker (as finish_tasks.sql is): when this worker's lease ran out and it
-- claimed the task again itself, the stale attempt must neither free the item under the running attempt
-- nor set the attempt count back. :priorAttempts is the count the task had when the ending attempt began.
WITH released AS (
    UPDATE queue_items
    SET lease_owner = NULL, lease_expires_at = NULL, run_at = now() + make_interval(secs => :delaySeconds)
    WHERE id = :item AND (lease_owner = :owner OR CAST(:owner AS text) IS NULL)
      AND EXISTS (SELECT 1 FROM executions e WHERE e.id = queue_items.execution_id AND e.attempt = :priorAttempts)
    RETURNING execution_id, queue
), counted AS (
    UPDATE executions e
    SET attempt = :attempt, error = :error
    FROM released
    WHERE e.id = released.execution_id
)
SELECT count(pg_notify({{work_channel}}, queue)) FROM released

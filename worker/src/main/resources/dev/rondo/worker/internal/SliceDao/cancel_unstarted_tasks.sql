-- Cancellation reaches the workflow's tasks: those not claimed yet never run (their items go, they end
-- cancelled). Running ones are flagged by cancel_children.sql and see it through TaskContext.cancelled().
WITH unstarted AS (
    DELETE FROM queue_items q
    USING executions e
    WHERE e.parent_id = :id AND e.kind = 'task' AND e.finished_at IS NULL
      AND q.execution_id = e.id AND q.lease_owner IS NULL
    RETURNING q.execution_id
)
UPDATE executions
SET status = 'cancelled', cancel_requested = true, error = :error, finished_at = now()
WHERE id IN (SELECT execution_id FROM unstarted)

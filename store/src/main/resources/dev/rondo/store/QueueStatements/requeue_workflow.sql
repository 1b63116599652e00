-- A workflow slice whose worker was lost: drop the leased item and make sure an unclaimed one exists (the
-- slice is redone from the last checkpoint), waking the queue. The lost slice counts as a failed one
-- (V5__failure_bounds.sql), so a slice that kills every worker that runs it is not tried forever.
WITH dropped AS (
    DELETE FROM queue_items WHERE id = :item
), counted AS (
    UPDATE executions SET slice_failures = slice_failures + 1 WHERE id = :executionId
), woken AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    VALUES (:executionId, :queue, :priority, (SELECT fair_key FROM executions WHERE id = :executionId), (SELECT fair_weight FROM executions WHERE id = :executionId))
    {{wake_up}}
    RETURNING queue
)
SELECT count(pg_notify({{work_channel}}, queue)) FROM woken

-- Cancellation cascades: every unfinished child is flagged; a child workflow also gets a cancel request in
-- its inbox and a wake-up, like a cancel from the client.
WITH flagged AS (
    UPDATE executions
    SET cancel_requested = true
    WHERE parent_id = :id AND finished_at IS NULL AND NOT cancel_requested
    RETURNING id, kind, queue, priority
), requests AS (
    INSERT INTO inbox (execution_id, kind) SELECT id, 'cancel' FROM flagged WHERE kind = 'workflow'
), wake AS (
    INSERT INTO queue_items (execution_id, queue, priority)
    SELECT id, queue, priority FROM flagged WHERE kind = 'workflow' ORDER BY id
    ON CONFLICT (execution_id) WHERE lease_owner IS NULL
    DO UPDATE SET run_at = LEAST(queue_items.run_at, excluded.run_at)
    RETURNING queue
)
SELECT count(pg_notify('rondo_work', queue)) FROM (SELECT DISTINCT queue FROM wake) AS q

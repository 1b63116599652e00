-- The flag makes every later slice throw CancelledError; the inbox row wakes the workflow now, in the
-- order it happened relative to other outcomes.
WITH flagged AS (
    UPDATE executions SET cancel_requested = true WHERE id = :id AND NOT cancel_requested RETURNING id
)
INSERT INTO inbox (execution_id, kind) SELECT id, 'cancel' FROM flagged

-- Locks the workflows of a tree before terminate.sql ends them: execution :id and every unfinished
-- descendant workflow (the walk of ExecutionDao/request_cancel.sql), FOR NO KEY UPDATE like a slice, in id
-- order (two terminates of overlapping trees lock in the same order). Waiting here for a slice in flight
-- means that slice may have started children this statement's walk did not see; the caller repeats it
-- until it returns no workflow it had not locked, so that terminate.sql, whose fresh snapshot sees those
-- children, finds every workflow of the tree locked and none of them can start more meanwhile.
WITH RECURSIVE tree AS (
    SELECT id, kind FROM executions WHERE id = :id AND finished_at IS NULL
    UNION ALL
    SELECT e.id, e.kind
    FROM executions e JOIN tree t ON e.parent_id = t.id
    WHERE t.kind = 'workflow' AND e.finished_at IS NULL
)
SELECT e.id
FROM executions e JOIN tree t ON t.id = e.id
WHERE t.kind = 'workflow'
ORDER BY e.id
FOR NO KEY UPDATE OF e

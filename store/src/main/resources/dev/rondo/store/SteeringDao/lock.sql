-- An operator's retry, rewind or fork takes the workflow's row as a slice does (SliceDao/lock_workflow.sql,
-- FOR NO KEY UPDATE): it waits for a slice in flight to commit, then reads the status that slice left, and
-- no slice of the workflow starts until the action commits. Read first without a lock for a child's parent
-- (see parent_of.sql), so that parent and child are locked parent first, as a cancel of the tree does.
SELECT id, name, definition_hash, status, queue, priority, parent_id, parent_promise, depth, forked_from, forked_at_step
FROM executions
WHERE id = :id AND kind = 'workflow'
FOR NO KEY UPDATE

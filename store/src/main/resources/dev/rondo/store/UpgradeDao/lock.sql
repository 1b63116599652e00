-- Locks one execution for its move the way a slice locks it (SliceDao/lock_workflow.sql, FOR NO KEY
-- UPDATE): a slice in flight finishes first, and no slice starts until the move commits. The status and
-- version returned are the row's latest (re-read once the lock is held); the checkpoint is read by the next
-- statement (checkpoint.sql), whose snapshot is taken after the lock, so it is the one that slice committed.
SELECT status, definition_hash
FROM executions
WHERE id = :id AND kind = 'workflow'
FOR NO KEY UPDATE

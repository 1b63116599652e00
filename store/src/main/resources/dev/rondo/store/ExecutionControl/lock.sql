-- The execution an operator acts on (pause, resume, terminate), its row locked FOR NO KEY UPDATE for the
-- action's transaction: the lock a slice holds while it runs (SliceDao/lock_workflow.sql), so the action
-- waits for a slice in flight to commit and then reads the state that slice left (read committed: this
-- statement returns the row's newest version once it has the lock).
SELECT kind, status, cancel_requested,
       EXISTS (SELECT 1 FROM checkpoints c WHERE c.execution_id = e.id) AS has_checkpoint
FROM executions e
WHERE id = :id
FOR NO KEY UPDATE

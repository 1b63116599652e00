-- The parent of a workflow, read before any lock is taken, so that the parent's row can be locked before the
-- child's (lock.sql): the order a cancel of the tree (ExecutionDao/request_cancel.sql) takes them in.
SELECT parent_id FROM executions WHERE id = :id AND kind = 'workflow'

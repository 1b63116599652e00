-- The workflows among :ids (ids from rondo_done notifications) with their name, status and queue, for
-- `rondo worker`'s end lines: one query for a batch of notifications, no source and no checkpoint (describe.sql
-- reads the flow's source, which an end line does not need). Ids that are gone (pruned) or not workflows
-- are left out.
SELECT id AS execution_id, name AS workflow, status, queue
FROM executions
WHERE id = ANY(CAST(:ids AS text[])) AND kind = 'workflow'

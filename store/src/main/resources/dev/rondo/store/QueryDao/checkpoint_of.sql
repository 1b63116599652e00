-- A workflow execution's status and its last checkpoint (null before its first slice and after its end),
-- for variables(): read by primary key on both tables, no worker involved.
SELECT e.status, c.state
FROM executions e
LEFT JOIN checkpoints c ON c.execution_id = e.id
WHERE e.id = :id AND e.kind = 'workflow'

-- Workflow executions by version and status. A full scan of the executions table: the workflows page is
-- not on the million-row path the executions page is held to (bench/: DashboardBench).
SELECT e.name, e.definition_hash AS hash, e.status, count(*) AS count
FROM executions e
WHERE e.kind = 'workflow'
GROUP BY e.name, e.definition_hash, e.status

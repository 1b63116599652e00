-- The .flow source of the version a workflow execution runs (pinned at start).
SELECT d.source
FROM executions e
JOIN flow_definitions d ON d.name = e.name AND d.hash = e.definition_hash
WHERE e.id = :id AND e.kind = 'workflow'

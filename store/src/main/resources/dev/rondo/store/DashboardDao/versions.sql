-- Every deployed version of every workflow, newest first within a name, and which one new executions start.
SELECT d.name, d.hash, d.deployed_at, (h.hash = d.hash) AS head
FROM flow_definitions d
LEFT JOIN flow_heads h ON h.name = d.name
ORDER BY d.name, d.deployed_at DESC, d.hash

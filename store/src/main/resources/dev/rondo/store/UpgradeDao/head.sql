-- The version an upgrade moves executions to: the workflow's head (flow_heads), with its compiled AST.
SELECT h.hash, d.ast
FROM flow_heads h
JOIN flow_definitions d ON d.name = h.name AND d.hash = h.hash
WHERE h.name = :name

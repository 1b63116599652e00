-- A failed execution keeps its checkpoint (to be retried, docs/operations.md) but waits for nothing:
-- the checkpoint is joined for unfinished executions only.
SELECT e.id AS execution_id, e.name AS workflow, e.status, e.created_at,
       c.waiting_at, c.waiting_for, d.source, e.queue, e.attributes::text AS attributes
FROM executions e
LEFT JOIN checkpoints c ON c.execution_id = e.id AND e.finished_at IS NULL
LEFT JOIN flow_definitions d ON d.name = e.name AND d.hash = e.definition_hash
WHERE e.id = :id AND e.kind = 'workflow'

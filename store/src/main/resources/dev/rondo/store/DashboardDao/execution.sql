-- One workflow execution with its checkpoint (where it waits, its state for the variables) and the source
-- of the version it runs; all by primary key.
SELECT e.id, e.name AS workflow, e.definition_hash, e.queue, e.status, e.input, e.result, e.error,
       e.parent_id, e.attempt, e.created_at, e.started_at, e.finished_at, e.cancel_requested, e.slice_error,
       c.waiting_at, c.waiting_for, c.state AS checkpoint, c.updated_at AS checkpointed_at, d.source
FROM executions e
LEFT JOIN checkpoints c ON c.execution_id = e.id
LEFT JOIN flow_definitions d ON d.name = e.name AND d.hash = e.definition_hash
WHERE e.id = :id AND e.kind = 'workflow'

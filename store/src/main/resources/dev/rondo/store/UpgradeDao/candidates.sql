-- One batch of executions an upgrade may move (docs/operations.md): workflows of :name on another
-- version than :head (or only on versions whose hash starts with :from when given) that stand at a checkpoint: waiting, paused, or failed
-- with the checkpoint kept from before the failing await. Keyset-paged by id (> :after), so a long upgrade
-- reads in batches and an execution that moves meanwhile is not read twice. Read without locks: each move
-- locks and re-checks its row (lock.sql). Uses executions_by_name; checkpoints by primary key.
SELECT e.id, e.definition_hash, e.status, c.state
FROM executions e
JOIN checkpoints c ON c.execution_id = e.id
WHERE e.kind = 'workflow' AND e.name = :name
  AND e.definition_hash <> :head
  AND (CAST(:from AS text) IS NULL OR starts_with(e.definition_hash, :from))
  AND e.status IN ('waiting', 'paused', 'failed')
  AND e.id > :after
ORDER BY e.id
LIMIT :limit

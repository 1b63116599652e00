-- An explicit id makes start idempotent: a second start with the same id inserts nothing (0 rows) and
-- the caller returns the existing execution.
INSERT INTO executions (id, kind, name, definition_hash, queue, priority, status, input)
VALUES (:id, 'workflow', :name, :hash, :queue, :priority, 'queued', :input)
ON CONFLICT (id) DO NOTHING

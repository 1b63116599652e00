-- An explicit id makes start idempotent: a second start with the same id inserts nothing (0 rows) and
-- the caller returns the existing execution.
INSERT INTO executions (id, kind, name, definition_hash, queue, status, input)
VALUES (:id, 'workflow', :name, :hash, :queue, 'queued', :input)
ON CONFLICT (id) DO NOTHING

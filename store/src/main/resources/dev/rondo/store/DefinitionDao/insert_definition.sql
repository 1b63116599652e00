-- A definition is immutable: the same (name, hash) deployed again keeps the first row, so an execution
-- pinned to it always finds the AST it started with.
INSERT INTO flow_definitions (name, hash, source, ast)
VALUES (:name, :hash, :source, :ast)
ON CONFLICT (name, hash) DO NOTHING

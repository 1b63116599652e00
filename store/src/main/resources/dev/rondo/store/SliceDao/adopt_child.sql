-- A running execution with no parent, started again by id from a workflow: its end now settles that
-- workflow's promise.
UPDATE executions SET parent_id = :parentId, parent_promise = :promise WHERE id = :id AND parent_id IS NULL

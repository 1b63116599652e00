-- An execution a Workflow.run asked for by id that exists already, locked so it cannot end unseen while
-- the slice adopts it.
SELECT id, kind, name, status, result, error, parent_id, parent_promise, finished_at IS NOT NULL AS finished
FROM executions WHERE id = :id
FOR NO KEY UPDATE

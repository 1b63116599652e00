-- The unseen failure of a promise that gets a fresh try (a task's fresh attempts, a child's retry) goes, so
-- the workflow sees only the outcome of the new try.
DELETE FROM inbox WHERE execution_id = :id AND promise = :promise AND kind IN ('task_failed', 'child_failed')

-- The tasks and child workflows an execution started for some of its promises, with how they ended (by
-- executions_by_parent), and whether its inbox holds an unseen outcome for each promise.
SELECT e.id, e.kind, e.name, e.status, e.result, e.error, e.parent_promise,
       (SELECT i.kind FROM inbox i WHERE i.execution_id = :id AND i.promise = e.parent_promise ORDER BY i.id LIMIT 1) AS unseen
FROM executions e
WHERE e.parent_id = :id AND e.parent_promise = ANY(CAST(:promises AS integer[]))

-- The tasks and child workflows an execution started (executions_by_parent), oldest first, each with the
-- due time of its unclaimed queue item (a task's next attempt or retry) and whether a worker holds one now.
SELECT c.id, c.kind, c.name, c.status, c.attempt, c.created_at, c.started_at, c.finished_at, c.error,
       (SELECT min(q.run_at) FROM queue_items q WHERE q.execution_id = c.id AND q.lease_owner IS NULL) AS next_run_at,
       EXISTS (SELECT 1 FROM queue_items q WHERE q.execution_id = c.id AND q.lease_owner IS NOT NULL) AS leased
FROM executions c
WHERE c.parent_id = :id
ORDER BY c.created_at, c.id
LIMIT :limit

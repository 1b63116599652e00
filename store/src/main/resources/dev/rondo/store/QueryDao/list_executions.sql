-- Newest first, paged by keyset on (created_at, id) so a page never skips or repeats a row when new
-- executions arrive; executions_newest_first serves the order, the filters narrow it.
SELECT e.id AS execution_id, e.name AS workflow, e.status, e.queue, e.created_at, e.finished_at
FROM executions e
WHERE e.kind = 'workflow'
  AND (CAST(:status AS text) IS NULL OR e.status = :status)
  AND (CAST(:workflow AS text) IS NULL OR e.name = :workflow)
  AND (CAST(:after AS text) IS NULL
       OR (e.created_at, e.id) < (SELECT a.created_at, a.id FROM executions a WHERE a.id = :after))
ORDER BY e.created_at DESC, e.id DESC
LIMIT :limit

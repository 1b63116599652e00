-- Newest first, paged by keyset on (created_at, id) so a page never skips or repeats a row when new
-- executions arrive; executions_newest_first serves the order, the filters narrow it.
-- :attributes (a JSON object, or null) keeps the executions whose attributes contain it; the GIN index
-- executions_by_attributes (jsonb_path_ops) serves @>, so a rare customer among a million executions is
-- found through the index, not by walking them all.
SELECT e.id AS execution_id, e.name AS workflow, e.status, e.queue, e.created_at, e.finished_at,
       e.attributes::text AS attributes
FROM executions e
WHERE e.kind = 'workflow'
  AND (CAST(:status AS text) IS NULL OR e.workflow_status = :status)
  AND (CAST(:workflow AS text) IS NULL OR e.name = :workflow)
  AND (CAST(:attributes AS jsonb) IS NULL OR e.attributes @> CAST(:attributes AS jsonb))
  AND (CAST(:after AS text) IS NULL
       OR (e.created_at, e.id) < (SELECT a.created_at, a.id FROM executions a WHERE a.id = :after))
ORDER BY e.created_at DESC, e.id DESC
LIMIT :limit

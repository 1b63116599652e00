-- The dashboard's executions page: workflow executions newest first, filtered, paged by keyset on
-- (created_at, id) so that a page never skips or repeats a row while new ones arrive. Run with
-- plan_cache_mode = force_custom_plan (DashboardDao's caller sets it) so that the absent filters fold away
-- and the planner walks the index of the filter present: executions_by_status (over workflow_status, V18)
-- for a status, executions_by_name for a workflow, executions_newest_first otherwise, each in order,
-- stopping at :limit.
SELECT e.id, e.name AS workflow, e.status, e.queue, e.created_at, e.finished_at, e.parent_id
FROM executions e
WHERE e.kind = 'workflow'
  AND (CAST(:status AS text) IS NULL OR e.workflow_status = :status)
  AND (CAST(:workflow AS text) IS NULL OR e.name = :workflow)
  AND (CAST(:queue AS text) IS NULL OR e.queue = :queue)
  AND (CAST(:createdFrom AS timestamptz) IS NULL OR e.created_at >= :createdFrom)
  AND (CAST(:createdTo AS timestamptz) IS NULL OR e.created_at < :createdTo)
  -- :attributes (a JSON object, or null): the executions whose attributes contain it, served by the GIN index
  -- executions_by_attributes (V7).
  AND (CAST(:attributes AS jsonb) IS NULL OR e.attributes @> CAST(:attributes AS jsonb))
  AND (CAST(:afterId AS text) IS NULL OR (e.created_at, e.id) < (CAST(:afterAt AS timestamptz), :afterId))
ORDER BY e.created_at DESC, e.id DESC
LIMIT :limit

-- How many workflow executions have each status, under the page's other filters, each count stopping at
-- :cap rows (the page shows "1000+"): an exact count of a million finished executions would read them
-- all. Each correlated count walks executions_by_status (over workflow_status, V18) for its status and
-- stops at the cap; under a workflow or queue filter it reads rows until it has the cap, so the caller
-- bounds it with a statement_timeout.
SELECT s.status,
       (SELECT count(*) FROM (
            SELECT 1 FROM executions e
            WHERE e.workflow_status = s.status -- a workflow's: null for a task
              AND (CAST(:workflow AS text) IS NULL OR e.name = :workflow)
              AND (CAST(:queue AS text) IS NULL OR e.queue = :queue)
              AND (CAST(:createdFrom AS timestamptz) IS NULL OR e.created_at >= :createdFrom)
              AND (CAST(:createdTo AS timestamptz) IS NULL OR e.created_at < :createdTo)
              AND (CAST(:attributes AS jsonb) IS NULL OR e.attributes @> CAST(:attributes AS jsonb))
            LIMIT :cap) AS capped) AS count
FROM unnest(ARRAY['queued', 'running', 'waiting', 'paused', 'completed', 'failed', 'cancelled', 'terminated']) WITH ORDINALITY AS s(status, n)
ORDER BY s.n

-- The queues an execution waits on (its own wake-up, its unfinished tasks' and children's attempts) that
-- no worker in the registry (V6, workers) has served in the last :minutes minutes: describe()'s hint.
-- Its children are found through executions_by_parent; the registry has a handful of rows.
SELECT DISTINCT q.queue
FROM queue_items q
WHERE q.lease_owner IS NULL
  AND (q.execution_id = :id
       OR q.execution_id IN (SELECT c.id FROM executions c WHERE c.parent_id = :id AND c.finished_at IS NULL))
  AND NOT EXISTS (SELECT 1 FROM workers w
                  WHERE q.queue = ANY (w.queues) AND w.last_seen > now() - make_interval(mins => :minutes))
ORDER BY q.queue

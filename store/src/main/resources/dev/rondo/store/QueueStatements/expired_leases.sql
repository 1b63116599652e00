-- Items whose lease ran out (their worker died, hung or lost its connection), oldest first; locked so
-- that one worker rescues each.
SELECT q.id AS item_id, q.execution_id, e.kind, e.name, e.queue, e.priority, e.attempt, e.options,
       e.finished_at IS NOT NULL AS finished
FROM queue_items q
LEFT JOIN executions e ON e.id = q.execution_id
WHERE q.lease_owner IS NOT NULL AND q.lease_expires_at < now()
ORDER BY q.lease_expires_at
LIMIT :limit
FOR UPDATE OF q SKIP LOCKED

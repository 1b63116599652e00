-- For describe: the concurrency slots an execution, or one of its unfinished tasks and children, waits
-- for, with how many of the key's holders still run and the limit (a named limit's current value).
SELECT w.execution_id, w.key,
       -- a named limit's current value, as the admission reads it
       coalesce((SELECT l.value FROM limits l WHERE l.name = w.limit_name
                 AND l.kind = CASE WHEN starts_with(w.key, chr(31) || 'rate') THEN 'rate' ELSE 'concurrency' END),
                w.max_running) AS max_running,
       (SELECT count(*) FROM concurrency_holders h JOIN executions e ON e.id = h.execution_id
        WHERE h.key = w.key AND e.finished_at IS NULL) AS in_use
FROM concurrency_waiting w
WHERE w.execution_id = :id
   OR w.execution_id IN (SELECT id FROM executions WHERE parent_id = :id AND finished_at IS NULL)
ORDER BY w.id

-- Admits waiting work of one key, under the key's lock (lock_key.sql): holders whose execution has ended
-- (or is gone) are let go, and up to (limit - holders still running) waiting executions, highest priority
-- first then oldest, become holders and get their queue item (one NOTIFY per queue). The limit is the one
-- the oldest waiting execution asked for. Returns how many were admitted.
WITH ended AS (
    DELETE FROM concurrency_holders h
    WHERE h.key = :key
      AND NOT EXISTS (SELECT 1 FROM executions e WHERE e.id = h.execution_id AND e.finished_at IS NULL)
    RETURNING h.execution_id
), running AS (
    SELECT (SELECT count(*) FROM concurrency_holders WHERE key = :key) - (SELECT count(*) FROM ended) AS n
), head AS (
    -- a named limit's current value (docs/scheduling.md, "Named limits"): a change applies to waiting work
    SELECT coalesce((SELECT l.value FROM limits l WHERE l.name = w.limit_name AND l.kind = 'concurrency'),
                    w.max_running) AS max_running
    FROM concurrency_waiting w WHERE w.key = :key ORDER BY w.priority DESC, w.id LIMIT 1
), picked AS (
    DELETE FROM concurrency_waiting w
    WHERE w.id IN (SELECT id FROM concurrency_waiting
                   WHERE key = :key
                   ORDER BY priority DESC, id
                   LIMIT greatest(0, coalesce((SELECT max_running FROM head), 0) - (SELECT n FROM running)))
    RETURNING w.execution_id, w.queue, w.priority
), held AS (
    INSERT INTO concurrency_holders (key, execution_id)
    SELECT :key, execution_id FROM picked
), items AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    SELECT p.execution_id, p.queue, p.priority, e.fair_key, e.fair_weight
    FROM picked p LEFT JOIN executions e ON e.id = p.execution_id
    RETURNING queue
)
SELECT (SELECT count(*) FROM picked) AS admitted,
       (SELECT count(pg_notify({{work_channel}}, queue)) FROM (SELECT DISTINCT queue FROM items) q) AS notified

-- Admits rate-limited waiting work of one key, under the key's lock (lock_key.sql): at most N admissions
-- of the key in any one-second window, N being the limit the next waiting execution asked for (its
-- max_running). The clock is read once the lock is held (clock_timestamp), so admissions of a key are
-- logged in increasing time; this one counts those of the last second, admits up to N minus them, highest
-- priority first then oldest, logs each, and says when the next one may be admitted (retry_ms: when the
-- oldest admission of the window leaves it; null when nothing is left waiting). Rows that have left the
-- window are deleted.
WITH now AS (
    SELECT clock_timestamp() AS t
), pruned AS (
    DELETE FROM rate_admissions WHERE key = :key AND admitted_at <= (SELECT t FROM now) - interval '1 second'
), recent AS (
    SELECT count(*) AS n, min(admitted_at) AS oldest
    FROM rate_admissions
    WHERE key = :key AND admitted_at > (SELECT t FROM now) - interval '1 second'
), head AS (
    -- a named limit's current value (docs/scheduling.md, "Named limits"): a change applies to waiting work
    SELECT coalesce((SELECT l.value FROM limits l WHERE l.name = w.limit_name AND l.kind = 'rate'),
                    w.max_running) AS max_running
    FROM concurrency_waiting w WHERE w.key = :key ORDER BY w.priority DESC, w.id LIMIT 1
), picked AS (
    DELETE FROM concurrency_waiting w
    WHERE w.id IN (SELECT id FROM concurrency_waiting
                   WHERE key = :key
                   ORDER BY priority DESC, id
                   LIMIT greatest(0, coalesce((SELECT max_running FROM head), 0) - (SELECT n FROM recent)))
    RETURNING w.execution_id, w.queue, w.priority
), logged AS (
    INSERT INTO rate_admissions (key, admitted_at)
    SELECT :key, (SELECT t FROM now) FROM picked
), items AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    SELECT p.execution_id, p.queue, p.priority, e.fair_key, e.fair_weight
    FROM picked p LEFT JOIN executions e ON e.id = p.execution_id
    RETURNING queue
), left_waiting AS (
    SELECT (SELECT count(*) FROM concurrency_waiting WHERE key = :key) - (SELECT count(*) FROM picked) AS n
)
SELECT (SELECT count(*) FROM picked) AS admitted,
       (SELECT count(pg_notify({{work_channel}}, queue)) FROM (SELECT DISTINCT queue FROM items) q) AS notified,
       CASE WHEN (SELECT n FROM left_waiting) > 0
            THEN greatest(1, ceil(extract(epoch FROM coalesce((SELECT oldest FROM recent), (SELECT t FROM now))
                                                 + interval '1 second' - (SELECT t FROM now)) * 1000))::bigint
       END AS retry_ms

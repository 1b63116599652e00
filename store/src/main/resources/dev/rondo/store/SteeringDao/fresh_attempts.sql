-- A failed task gets a fresh set of attempts (docs/operations.md): under its id (so the same
-- idempotency key), its attempt count reset, queued again; with a concurrency or rate-limit key it waits for
-- a slot as at its start (the worker admits it on the NOTIFY on rondo_admit). Returns 1 when it was failed.
WITH task AS (
    UPDATE executions
    SET status = 'queued', attempt = 0, result = NULL, error = NULL, started_at = NULL, finished_at = NULL
    WHERE id = :id AND kind = 'task' AND status IN ('failed', 'cancelled')
    RETURNING id, queue, priority, fair_key, fair_weight, concurrency_key,
              CASE WHEN options IS NULL THEN 1
                   WHEN CAST(options AS json) ->> 'rateLimitKey' IS NOT NULL
                       THEN greatest(1, CAST(CAST(options AS json) ->> 'ratePerSecond' AS integer))
                   ELSE greatest(1, CAST(CAST(options AS json) ->> 'concurrencyLimit' AS integer)) END AS max_running,
              -- a named limit (docs/scheduling.md): the admission reads its current value
              CASE WHEN options IS NOT NULL THEN CAST(options AS json) ->> 'limitName' END AS limit_name
), gated AS (
    INSERT INTO concurrency_waiting (key, max_running, execution_id, queue, priority, limit_name)
    SELECT concurrency_key, max_running, id, queue, priority, limit_name FROM task WHERE concurrency_key IS NOT NULL
    ON CONFLICT (execution_id) DO NOTHING
    RETURNING key
), items AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    SELECT id, queue, priority, fair_key, fair_weight FROM task WHERE concurrency_key IS NULL
    RETURNING queue
)
SELECT (SELECT count(*) FROM task) AS reset,
       (SELECT count(pg_notify({{work_channel}}, queue)) FROM items) AS notified,
       (SELECT count(pg_notify({{admit_channel}}, key)) FROM gated) AS admitted

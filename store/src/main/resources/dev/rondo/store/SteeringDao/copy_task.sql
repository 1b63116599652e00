-- A task the forked checkpoint waits on and whose outcome the origin did not record as completed: started
-- again for the fork, under the fork's id for it (<fork>.t<promise>), with the origin task's name, input and
-- options, queued (or waiting for its concurrency or rate-limit slot).
WITH task AS (
    INSERT INTO executions (id, kind, name, queue, priority, status, input, options, parent_id, parent_promise,
                            concurrency_key, fair_key, fair_weight)
    SELECT :newId, 'task', o.name, o.queue, o.priority, 'queued', o.input, o.options, :parentId, o.parent_promise,
           o.concurrency_key, o.fair_key, o.fair_weight
    FROM executions o WHERE o.id = :originId
    ON CONFLICT (id) DO NOTHING
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
    RETURNING key
), items AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    SELECT id, queue, priority, fair_key, fair_weight FROM task WHERE concurrency_key IS NULL
    RETURNING queue
)
SELECT (SELECT count(pg_notify({{work_channel}}, queue)) FROM items) AS notified,
       (SELECT count(pg_notify({{admit_channel}}, key)) FROM gated) AS admitted

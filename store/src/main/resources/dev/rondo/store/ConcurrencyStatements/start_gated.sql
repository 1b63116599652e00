-- A start with a concurrency key (StartOptions.withConcurrency): as start_workflow.sql, but the execution
-- waits in concurrency_waiting for a slot of :key instead of getting its queue item; the client admits it
-- after its commit (admit.sql), or a worker's admitter does when it hears the NOTIFY on {{admit_channel}}
-- (sent at commit), or at its sweep. Un-keyed starts never come here.
WITH head AS (
    SELECT hash FROM flow_heads WHERE name = :name
), started AS (
    INSERT INTO executions (id, kind, name, definition_hash, queue, priority, status, input, concurrency_key,
                            attributes, trace_context, fair_key, fair_weight)
    SELECT :id, 'workflow', :name, head.hash, :queue, :priority, 'queued', :input, :key,
           CAST(:attributes AS jsonb), :traceContext, CAST(:fairKey AS text), CAST(:fairWeight AS smallint)
    FROM head
    ON CONFLICT (id) DO NOTHING
    RETURNING id, queue, priority
), gated AS (
    INSERT INTO concurrency_waiting (key, max_running, execution_id, queue, priority, limit_name)
    SELECT :key, :limit, id, queue, priority, CAST(:limitName AS text) FROM started
    RETURNING execution_id
), existing AS (
    SELECT kind, name FROM executions WHERE id = :id AND NOT EXISTS (SELECT 1 FROM started)
)
SELECT EXISTS (SELECT 1 FROM head) AS deployed,
       -- the NOTIFY (sent at commit) wakes the workers' admitters: a start in the caller's transaction, or one
       -- over a rate limit, is admitted as soon as it may be, not at the next sweep
       (SELECT count(pg_notify({{admit_channel}}, CAST(:key AS text))) FROM gated) > 0 AS started,
       (SELECT kind FROM existing) AS existing_kind,
       (SELECT name FROM existing) AS existing_name

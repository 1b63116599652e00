-- A start in one statement (one round trip, atomic without a transaction of its own): the execution,
-- pinned to the version of :name deployed now, its first queue item, and the wake-up. pg_notify is
-- transactional, so workers hear of the item only once it is committed; the payload is the queue name, so
-- one LISTEN channel serves every queue. An explicit id makes start idempotent: a second start with the
-- same id inserts nothing. Returns whether :name is deployed, whether an execution was inserted, and, when
-- none was, the kind and name of the execution that holds the id (so the caller can tell an idempotent
-- start from one of another workflow). The statement's snapshot shows a row committed before it began; a
-- start of the same id that committed while this one waited on the id's index entry is not in it (both
-- columns null then, and the caller reads the row again). :attributes is a JSON object of checked strings
-- (dev.rondo.core.Attributes); :traceContext the caller's W3C traceparent, or null.
WITH head AS (
    SELECT hash FROM flow_heads WHERE name = :name
), started AS (
    INSERT INTO executions (id, kind, name, definition_hash, queue, priority, status, input, attributes, trace_context,
                            fair_key, fair_weight)
    SELECT :id, 'workflow', :name, head.hash, :queue, :priority, 'queued', :input, CAST(:attributes AS jsonb), :traceContext,
           CAST(:fairKey AS text), CAST(:fairWeight AS smallint)
    FROM head
    ON CONFLICT (id) DO NOTHING
    RETURNING id, queue, priority, fair_key, fair_weight
), item AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight, run_at)
    SELECT id, queue, priority, fair_key, fair_weight, now() + make_interval(secs => :delayMillis / 1000.0)
    FROM started
    RETURNING queue
), existing AS (
    -- only looked up when nothing was inserted (a one-time filter: no index scan on a fresh start)
    SELECT kind, name FROM executions WHERE id = :id AND NOT EXISTS (SELECT 1 FROM started)
)
SELECT EXISTS (SELECT 1 FROM head) AS deployed,
       (SELECT count(pg_notify({{work_channel}}, queue)) FROM item) > 0 AS started,
       (SELECT kind FROM existing) AS existing_kind,
       (SELECT name FROM existing) AS existing_name

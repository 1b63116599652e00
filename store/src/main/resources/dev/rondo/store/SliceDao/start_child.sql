-- A child workflow pinned to its current version, and its first queue item. Returns 0 rows when no
-- workflow of that name is deployed or the id exists already (the caller tells the two apart).
WITH started AS (
    INSERT INTO executions (id, kind, name, definition_hash, queue, priority, status, input, parent_id, parent_promise,
                            depth, trace_context, fair_key, fair_weight)
    SELECT :id, 'workflow', :name, h.hash, :queue, :priority, 'queued', :input, :parentId, :promise, :depth, :traceContext,
           p.fair_key, p.fair_weight
    FROM flow_heads h LEFT JOIN executions p ON p.id = :parentId WHERE h.name = :name
    ON CONFLICT (id) DO NOTHING
    RETURNING id, queue, priority, fair_key, fair_weight
), items AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    SELECT id, queue, priority, fair_key, fair_weight FROM started
    RETURNING queue
)
SELECT pg_notify({{work_channel}}, queue) FROM items

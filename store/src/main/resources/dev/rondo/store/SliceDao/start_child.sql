-- A child workflow pinned to its current version, and its first queue item. Returns 0 rows when no
-- workflow of that name is deployed or the id exists already (the caller tells the two apart).
WITH started AS (
    INSERT INTO executions (id, kind, name, definition_hash, queue, priority, status, input, parent_id, parent_promise,
                            depth, trace_context)
    SELECT :id, 'workflow', :name, h.hash, :queue, :priority, 'queued', :input, :parentId, :promise, :depth, :traceContext
    FROM flow_heads h WHERE h.name = :name
    ON CONFLICT (id) DO NOTHING
    RETURNING id, queue, priority
), items AS (
    INSERT INTO queue_items (execution_id, queue, priority)
    SELECT id, queue, priority FROM started
    RETURNING queue
)
SELECT pg_notify({{work_channel}}, queue) FROM items

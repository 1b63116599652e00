-- A child workflow the forked checkpoint waits on and that did not complete for the origin: started again for
-- the fork (<fork>.w<promise>), the same workflow version and input, one level deep.
WITH started AS (
    INSERT INTO executions (id, kind, name, definition_hash, queue, priority, status, input, parent_id,
                            parent_promise, depth, fair_key, fair_weight)
    SELECT :newId, 'workflow', o.name, o.definition_hash, o.queue, o.priority, 'queued', o.input, :parentId,
           o.parent_promise, 1, o.fair_key, o.fair_weight
    FROM executions o WHERE o.id = :originId
    ON CONFLICT (id) DO NOTHING
    RETURNING id, queue, priority, fair_key, fair_weight
), items AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    SELECT id, queue, priority, fair_key, fair_weight FROM started
    RETURNING queue
)
SELECT count(pg_notify({{work_channel}}, queue)) FROM items

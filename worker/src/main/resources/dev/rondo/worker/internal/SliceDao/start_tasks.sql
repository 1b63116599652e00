-- The tasks a slice started: their executions and first queue items, and one notification per queue.
WITH started AS (
    INSERT INTO executions (id, kind, name, queue, priority, status, input, options, parent_id, parent_promise)
    SELECT t.id, 'task', t.name, t.queue, t.priority, 'queued', t.input, t.options, :parentId, t.promise
    FROM unnest(CAST(:ids AS text[]), CAST(:names AS text[]), CAST(:queues AS text[]),
                CAST(:priorities AS integer[]), CAST(:inputs AS text[]), CAST(:options AS text[]),
                CAST(:promises AS integer[])) AS t(id, name, queue, priority, input, options, promise)
    ON CONFLICT (id) DO NOTHING
    RETURNING id, queue, priority
), items AS (
    INSERT INTO queue_items (execution_id, queue, priority)
    SELECT id, queue, priority FROM started
    RETURNING queue
)
SELECT count(pg_notify('rondo_work', queue)) FROM (SELECT DISTINCT queue FROM items) AS q

-- A start within an open window, the last input winning: the window's execution gets :input, provided no
-- worker has claimed it yet. Its queue item is locked first (a claim skips a locked item, and waits for
-- nothing), and only while no lease is on it: once a worker holds it, or its first slice has deleted it,
-- nothing is updated and the caller starts a new window instead. Returns the execution's id when updated.
WITH item AS (
    SELECT id FROM queue_items WHERE execution_id = :existing AND lease_owner IS NULL
    FOR UPDATE
)
UPDATE executions SET input = :input
WHERE id = :existing AND status = 'queued' AND finished_at IS NULL AND EXISTS (SELECT 1 FROM item)
RETURNING id

-- Keeps this worker's items leased while it works on them. An item missing from the answer was rescued
-- by another worker (this worker lost its lease and must not commit the item's work). For a task, the
-- answer says whether its workflow has cancelled it.
--
-- An item locked by a transaction of this worker's that is ending it (a task's batched end, a slice's
-- commit) is skipped, not waited for: those lock their items in an order of their own, so waiting could
-- deadlock, and an item about to go needs no longer lease. The answer is read from the statement's
-- snapshot, so a skipped item still counts as held.
WITH renewable AS (
    SELECT id
    FROM queue_items
    WHERE id = ANY(CAST(:items AS bigint[])) AND lease_owner = :owner
    FOR UPDATE SKIP LOCKED
), renewed AS (
    UPDATE queue_items q
    SET lease_expires_at = now() + make_interval(secs => :leaseSeconds)
    FROM renewable
    WHERE q.id = renewable.id
)
SELECT q.id AS item_id, e.cancel_requested
FROM queue_items q
JOIN executions e ON e.id = q.execution_id
WHERE q.id = ANY(CAST(:items AS bigint[])) AND q.lease_owner = :owner

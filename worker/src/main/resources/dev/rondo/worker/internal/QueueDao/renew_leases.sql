-- Keeps this worker's items leased while it works on them. An item missing from the answer was rescued
-- by another worker (this worker lost its lease and must not commit the item's work). For a task, the
-- answer says whether its workflow has cancelled it.
UPDATE queue_items q
SET lease_expires_at = now() + make_interval(secs => :leaseSeconds)
FROM executions e
WHERE q.id = ANY(CAST(:items AS bigint[])) AND q.lease_owner = :owner AND e.id = q.execution_id
RETURNING q.id AS item_id, e.cancel_requested

-- The claim (ARCHITECTURE.md, "Claim"): up to :limit due, unleased items of one queue, highest priority
-- first, then oldest, read through queue_items_claimable. Items with a fairness key (V15) are not in that
-- index and not claimed here: a queue that has due ones is claimed with claim_fair.sql. SKIP LOCKED lets
-- workers claim side by side without waiting on each other. Each item comes back with what running it needs, so a task attempt
-- starts without another round trip. An item whose execution is gone comes back with a null kind.
-- :workflowsOnly (true only while every handler slot of the worker is held by a handler that ignored its
-- timeout) skips task attempts, left to workers that can run them; false short-circuits the look-up.
-- A paused queue (paused_queues, V13) gives nothing: the NOT EXISTS names no column of queue_items, so it is
-- a one-time filter, one probe of that table's (usually empty) primary key per claim, not one per item.
WITH picked AS (
    SELECT id
    FROM queue_items
    WHERE queue = :queue AND lease_owner IS NULL AND fair_key IS NULL AND run_at <= now()
      AND NOT EXISTS (SELECT 1 FROM paused_queues p WHERE p.queue = :queue)
      AND (NOT :workflowsOnly OR EXISTS (SELECT 1 FROM executions e
                                         WHERE e.id = queue_items.execution_id AND e.kind = 'workflow'))
    ORDER BY priority DESC, run_at, id
    LIMIT :limit
    FOR UPDATE SKIP LOCKED
), claimed AS (
    UPDATE queue_items q
    SET lease_owner = :owner, lease_expires_at = now() + make_interval(secs => :leaseSeconds)
    FROM picked
    WHERE q.id = picked.id
    RETURNING q.id, q.execution_id
)
SELECT c.id AS item_id, c.execution_id, e.kind, e.name, e.input, e.attempt, e.options, e.parent_id,
       e.cancel_requested, e.finished_at IS NOT NULL AS finished, e.trace_context
FROM claimed c
LEFT JOIN executions e ON e.id = c.execution_id

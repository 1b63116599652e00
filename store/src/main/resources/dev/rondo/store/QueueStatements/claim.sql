-- The claim (ARCHITECTURE.md, "Claim"): up to :limit due, unleased items of one queue, highest priority
-- first, then oldest, read through queue_items_claimable. Items with a fairness key (V15) are not in that
-- index and not claimed here: a queue that has due ones is claimed with claim_fair.sql. SKIP LOCKED lets
-- workers claim side by side without waiting on each other. Each item comes back with what running it needs, so a task attempt
-- starts without another round trip. An item whose execution is gone comes back with a null kind.
-- :workflowsOnly (true only while every handler slot of the worker is held by a handler that ignored its
-- timeout) skips task attempts, left to workers that can run them; false short-circuits the look-up.
-- A paused queue (paused_queues, V13) gives nothing: the NOT EXISTS names no column of queue_items, so it is
-- a one-time filter, one probe of that table's (usually empty) primary key per claim, not one per item.
-- Planned once per connection, not at every claim: a custom plan (one made for the values at hand) cost
-- 0.2-0.3 ms of planning per claim, as much as running a claim of 20. PostgreSQL keeps making custom plans
-- while one looks cheaper than its generic plan, and the values made them look cheaper (a known :limit, a
-- known :workflowsOnly that drops a subplan). So each value is read through a sub-select, which neither kind
-- of plan can see into: both plans come out alike, and after its first five claims the connection reuses the
-- generic one. Its shape cannot go wrong without the values: the items are found through the claim index in
-- its order, updated by id and joined to their executions by id, each through its primary key.
WITH picked AS (
    SELECT id
    FROM queue_items
    WHERE queue = (SELECT CAST(:queue AS text)) AND lease_owner IS NULL AND fair_key IS NULL AND run_at <= now()
      AND NOT EXISTS (SELECT 1 FROM paused_queues p WHERE p.queue = (SELECT CAST(:queue AS text)))
      AND (NOT (SELECT CAST(:workflowsOnly AS boolean)) OR EXISTS (SELECT 1 FROM executions e
                                         WHERE e.id = queue_items.execution_id AND e.kind = 'workflow'))
    ORDER BY priority DESC, run_at, id
    LIMIT (SELECT CAST(:limit AS integer))
    FOR UPDATE SKIP LOCKED
), claimed AS (
    UPDATE queue_items q
    SET lease_owner = :owner, lease_expires_at = now() + make_interval(secs => :leaseSeconds)
    WHERE q.id = ANY(ARRAY(SELECT id FROM picked))
    RETURNING q.id, q.execution_id
)
SELECT c.id AS item_id, c.execution_id, e.kind, e.name, e.input, e.attempt, e.options, e.parent_id,
       e.cancel_requested, e.finished_at IS NOT NULL AS finished, e.trace_context
FROM claimed c
LEFT JOIN LATERAL (SELECT * FROM executions x WHERE x.id = c.execution_id OFFSET 0) e ON true

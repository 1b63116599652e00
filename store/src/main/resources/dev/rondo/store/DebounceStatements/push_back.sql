-- A start within an open trailing window (StartOptions.withDebounce(key, delay, maxWait)): the window's
-- execution is pushed back to :delayMillis from now, never past the window's max_due_at, and (keeping the
-- last input) gets :input, provided no worker has claimed it. As replace_input.sql, its queue item is
-- locked first and only while no lease is on it (a claim skips a locked item), and the key's row is held
-- by claim_window.sql in the same transaction: racing starts of the key move the due time one at a time,
-- and none of them moves the item of a run that has begun. Returns one row when the window was extended;
-- none when its execution was claimed, cancelled or ended (the caller opens a new window). A window a
-- fixed debounce opened (no max_due_at) keeps its due time.
WITH item AS (
    SELECT q.id FROM queue_items q
    WHERE q.execution_id = :existing AND q.lease_owner IS NULL
      AND EXISTS (SELECT 1 FROM executions e WHERE e.id = :existing AND e.status = 'queued' AND e.finished_at IS NULL)
    FOR UPDATE OF q
), moved AS (
    UPDATE debounces d
    SET due_at = greatest(d.due_at, least(clock_timestamp() + make_interval(secs => :delayMillis / 1000.0),
                                           coalesce(d.max_due_at, d.due_at)))
    WHERE d.key = :key AND EXISTS (SELECT 1 FROM item)
    RETURNING d.due_at
), requeued AS (
    UPDATE queue_items q SET run_at = (SELECT due_at FROM moved)
    WHERE q.id = (SELECT id FROM item) AND EXISTS (SELECT 1 FROM moved)
    RETURNING q.id
), replaced AS (
    UPDATE executions SET input = :input
    WHERE id = :existing AND NOT :keepFirst AND EXISTS (SELECT 1 FROM item)
    RETURNING id
)
SELECT id, (SELECT count(*) FROM replaced) AS replaced FROM requeued

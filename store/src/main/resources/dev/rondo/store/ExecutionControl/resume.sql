-- Resumes a paused workflow whose row the caller has locked (lock.sql): it goes back to 'waiting' when it
-- has a checkpoint (it had run a slice) and to 'queued' when it has none (no slice of it has run yet), and
-- gets a wake-up now, so what came in while it was paused (task outcomes, due timers, signals) is applied by
-- the next slice (a slice with nothing to apply only re-arms its timers). Not for a queued execution:
--  * whose unclaimed item is still due later (a delayed or debounced start): the item keeps its time;
--  * that still waits for a concurrency slot or rate limit (concurrency_waiting): its admission gives it
--    its item, and a wake-up here would let it run past its limit.
-- Returns the status it resumed to and how many queues were notified; no row when it was not paused.
WITH resumed AS (
    UPDATE executions e
    SET status = CASE WHEN EXISTS (SELECT 1 FROM checkpoints c WHERE c.execution_id = e.id) THEN 'waiting' ELSE 'queued' END
    WHERE e.id = :id AND e.status = 'paused'
    RETURNING e.id, e.queue, e.priority, e.status, e.fair_key, e.fair_weight
), woken AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    SELECT id, queue, priority, fair_key, fair_weight FROM resumed WHERE status = 'waiting'
    {{wake_up}}
    RETURNING queue
), requeued AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight)
    SELECT id, queue, priority, fair_key, fair_weight FROM resumed
    WHERE status = 'queued' AND NOT EXISTS (SELECT 1 FROM concurrency_waiting w WHERE w.execution_id = resumed.id)
    ON CONFLICT (execution_id) WHERE lease_owner IS NULL DO NOTHING
    RETURNING queue
)
SELECT status, (SELECT count(pg_notify({{work_channel}}, queue)) FROM (SELECT queue FROM woken UNION ALL SELECT queue FROM requeued) AS q) AS notified
FROM resumed

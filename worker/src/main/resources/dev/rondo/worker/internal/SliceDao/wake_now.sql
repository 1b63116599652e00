-- The slice put an outcome into its own inbox (a child that could not start): run again at once.
WITH woken AS (
    INSERT INTO queue_items (execution_id, queue, priority)
    VALUES (:id, :queue, :priority)
    ON CONFLICT (execution_id) WHERE lease_owner IS NULL
    DO UPDATE SET run_at = LEAST(queue_items.run_at, excluded.run_at)
    RETURNING queue
)
SELECT count(pg_notify('rondo_work', queue)) FROM woken

-- One statement: the queue item (at most one unclaimed per execution, see queue_items_one_unclaimed),
-- then the wake-up. pg_notify is transactional, so workers hear of the item only once it is committed;
-- the payload is the queue name, so one LISTEN channel serves every queue. Returns 1.
WITH item AS (
    INSERT INTO queue_items (execution_id, queue, priority, run_at)
    VALUES (:id, :queue, :priority, now() + make_interval(secs => :delayMillis / 1000.0))
    ON CONFLICT (execution_id) WHERE lease_owner IS NULL
    DO UPDATE SET run_at = LEAST(queue_items.run_at, excluded.run_at)
    RETURNING queue
)
SELECT count(*) FROM (SELECT pg_notify('rondo_work', queue) FROM item) AS notified

-- One statement: the queue item (at most one unclaimed per execution, see queue_items_one_unclaimed),
-- then the wake-up. pg_notify is transactional, so workers hear of the item only once it is committed;
-- the payload is the queue name, so one LISTEN channel serves every queue. Returns 1.
WITH item AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight, run_at)
    VALUES (:id, :queue, :priority, (SELECT fair_key FROM executions WHERE id = :id), (SELECT fair_weight FROM executions WHERE id = :id), now() + make_interval(secs => :delayMillis / 1000.0))
    {{wake_up}}
    RETURNING queue
)
SELECT count(*) FROM (SELECT pg_notify({{work_channel}}, queue) FROM item) AS notified

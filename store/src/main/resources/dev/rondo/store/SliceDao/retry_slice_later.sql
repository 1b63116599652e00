-- A workflow whose slice failed is tried again after a backoff: its one unclaimed item is due then (an
-- earlier wake-up is pushed back too, so a failing slice does not run again at once).
INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight, run_at)
VALUES (:id, :queue, :priority, (SELECT fair_key FROM executions WHERE id = :id), (SELECT fair_weight FROM executions WHERE id = :id), now() + make_interval(secs => :backoffSeconds))
ON CONFLICT (execution_id) WHERE lease_owner IS NULL
DO UPDATE SET run_at = excluded.run_at

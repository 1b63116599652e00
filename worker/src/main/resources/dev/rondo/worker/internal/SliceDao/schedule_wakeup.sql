-- A waiting workflow with timers is woken at the earliest (an earlier wake-up, from an outcome that came
-- in meanwhile, is kept). The notification lets a sleeping worker see the new due time.
WITH woken AS (
    INSERT INTO queue_items (execution_id, queue, priority, run_at)
    SELECT :id, :queue, :priority, min(fire_at) FROM timers WHERE execution_id = :id
    HAVING min(fire_at) IS NOT NULL
    ON CONFLICT (execution_id) WHERE lease_owner IS NULL
    DO UPDATE SET run_at = LEAST(queue_items.run_at, excluded.run_at)
    RETURNING queue
)
SELECT count(pg_notify('rondo_work', queue)) FROM woken

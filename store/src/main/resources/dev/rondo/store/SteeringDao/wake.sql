-- The one wake-up of an execution an operator set going: now when :now or it has something to take (an
-- unseen outcome, an unconsumed signal), else at its earliest timer, else none (an outcome still to come
-- brings one). The wake-up rule keeps an earlier one.
WITH item AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight, run_at)
    SELECT :id, :queue, :priority, (SELECT fair_key FROM executions WHERE id = :id), (SELECT fair_weight FROM executions WHERE id = :id),
           CASE WHEN CAST(:now AS boolean)
                  OR EXISTS (SELECT 1 FROM inbox WHERE execution_id = :id)
                  OR EXISTS (SELECT 1 FROM signals WHERE execution_id = :id AND consumed_at IS NULL)
                THEN now() ELSE min(t.fire_at) END
    FROM (SELECT fire_at FROM timers WHERE execution_id = :id AND fire_at < timestamptz 'infinity') AS t
    HAVING CAST(:now AS boolean)
        OR EXISTS (SELECT 1 FROM inbox WHERE execution_id = :id)
        OR EXISTS (SELECT 1 FROM signals WHERE execution_id = :id AND consumed_at IS NULL)
        OR min(t.fire_at) IS NOT NULL
    {{wake_up}}
    RETURNING queue
)
SELECT count(pg_notify({{work_channel}}, queue)) FROM item

-- When a timer of the execution fires: its row while it waits, else the due time the slice that set it
-- recorded in the checkpoint history (at or before :step). Epoch ms (Long.MAX_VALUE: never); null when
-- neither is kept.
SELECT coalesce(
    (SELECT CASE WHEN fire_at = timestamptz 'infinity' THEN 9223372036854775807
                 ELSE (EXTRACT(EPOCH FROM fire_at) * 1000)::bigint END
     FROM timers WHERE execution_id = :id AND promise = :promise),
    (SELECT t.fire_at_millis
     FROM checkpoint_history h, unnest(h.timer_promises, h.timer_fire_at_millis) AS t(promise, fire_at_millis)
     WHERE h.execution_id = :id AND h.step <= :step AND t.promise = :promise
     ORDER BY h.step DESC LIMIT 1)) AS fire_at_millis

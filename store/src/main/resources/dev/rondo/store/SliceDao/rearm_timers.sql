-- A slice that changed nothing (woken by a signal no await takes yet) still used up the workflow's one
-- wake-up, and that was also its earliest timer's (a signal's enqueue only moves the wake-up earlier): the
-- wake-up goes back to the earliest timer, or the workflow would wait forever. Written like write_slice's.
INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight, run_at)
SELECT :id, :queue, :priority, (SELECT fair_key FROM executions WHERE id = :id), (SELECT fair_weight FROM executions WHERE id = :id), min(fire_at) FROM timers
WHERE execution_id = :id AND fire_at < timestamptz 'infinity' -- a timer that never fires needs no wake-up
HAVING min(fire_at) IS NOT NULL
{{wake_up}}

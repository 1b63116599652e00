-- Everything a slice writes but its workflow's end (ARCHITECTURE.md, "Commit the checkpoint"), in one
-- statement so the workflow's lock is held for one round trip, not one per kind of write: what the slice
-- used up goes (its inbox rows, its fired timers, the signals it consumed), what it started is inserted
-- (tasks with their queue items, timers, log lines, history rows) and, when it ends waiting (:state is
-- its checkpoint), the checkpoint is saved and the workflow gets one wake-up at its earliest timer (an
-- earlier wake-up, from an outcome that came in meanwhile, is kept). :wakeNow (it put an outcome into its
-- own inbox) wakes it at once. The sub-statements share one snapshot, so the earliest timer is read from
-- the timers left plus the new ones. A slice that ends its workflow runs finish_workflow.sql next.
-- A task id is engine-made (<workflow id>.t<promise>); should another execution hold it already (a
-- workflow a user started under that id), the task is not started and its promise fails at once with a
-- message that says why, instead of waiting forever for a task that does not exist (clashes, below).
-- One notification per queue that got items; returns those queues too, so that the worker can wake its
-- own dispatcher at once rather than through the notification.
-- A waiting slice also appends its checkpoint to checkpoint_history (V14) as the next step, with the timers
-- it set and the signals it consumed, and drops the steps beyond the last :historyLimit (0: keeps none).
-- A task id that exists already for this very workflow and promise (a stretch run again after an
-- operator's retry starts the tasks it started before) gets its recorded outcome delivered again (replayed).
-- Eager dispatch (docs/engine.md, "How a task gets to a worker"): a task the worker marked in :taskEager (it
-- reserved a free slot of its own for it) gets its queue item leased to :owner at once, as a claim would
-- lease it, unless it waits for a concurrency slot, has a fairness key (its own or its workflow's: the fair
-- claim decides its turn) or its queue is paused (the claim gives nothing of a paused queue); such an item
-- is inserted unleased, as without eager dispatch. A leased item is in no claim index and needs no
-- notification; its id comes back with its task's (leased_tasks, leased_items), for the worker to run it
-- after the commit.
WITH used_inbox AS (
    DELETE FROM inbox WHERE execution_id = :id AND id = ANY(CAST(:inbox AS bigint[]))
), fired AS (
    DELETE FROM timers WHERE execution_id = :id AND promise = ANY(CAST(:firedTimers AS integer[]))
), new_timers AS (
    INSERT INTO timers (execution_id, promise, fire_at)
    -- A timer beyond what a timestamp holds (Effect.StartTimer.NEVER, Long.MAX_VALUE) never fires: 'infinity'.
    SELECT :id, t.promise, CASE WHEN t.fire_at_millis = 9223372036854775807 THEN timestamptz 'infinity'
                                ELSE to_timestamp(t.fire_at_millis / 1000.0) END
    FROM unnest(CAST(:timerPromises AS integer[]), CAST(:timerFireAtMillis AS bigint[])) AS t(promise, fire_at_millis)
    ON CONFLICT (execution_id, promise) DO NOTHING
    RETURNING fire_at
), used_signals AS (
    -- exactly once: the update commits with the checkpoint that used the signals
    UPDATE signals SET consumed_at = now() WHERE id = ANY(CAST(:signals AS bigint[])) AND consumed_at IS NULL
), me AS (
    -- the workflow's fairness (docs/scheduling.md, "Fairness"): its wake-up's, and its tasks' that set none
    SELECT fair_key, fair_weight FROM executions WHERE id = :id
), tasks AS (
    -- a task with a concurrency key (docs/scheduling.md) waits in concurrency_waiting for a slot instead of
    -- getting a queue item; the worker admits it after this commit (ConcurrencyStatements/admit.sql)
    INSERT INTO executions (id, kind, name, queue, priority, status, input, options, parent_id, parent_promise,
                            trace_context, concurrency_key, fair_key, fair_weight)
    SELECT t.id, 'task', t.name, t.queue, t.priority, 'queued', t.input, t.options, :id, t.promise, :traceContext,
           t.concurrency_key, coalesce(t.fair_key, (SELECT fair_key FROM me)),
           CASE WHEN t.fair_key IS NULL THEN (SELECT fair_weight FROM me) ELSE t.fair_weight END
    FROM unnest(CAST(:taskIds AS text[]), CAST(:taskNames AS text[]), CAST(:taskQueues AS text[]),
                CAST(:taskPriorities AS integer[]), CAST(:taskInputs AS text[]), CAST(:taskOptions AS text[]),
                CAST(:taskPromises AS integer[]), CAST(:taskConcurrencyKeys AS text[]),
                CAST(:taskConcurrencyLimits AS integer[]), CAST(:taskFairKeys AS text[]),
                CAST(:taskFairWeights AS smallint[]))
         AS t(id, name, queue, priority, input, options, promise, concurrency_key, concurrency_limit, fair_key, fair_weight)
    ON CONFLICT (id) DO NOTHING
    RETURNING id, queue, priority, concurrency_key, parent_promise, fair_key, fair_weight
), gated AS (
    INSERT INTO concurrency_waiting (key, max_running, execution_id, queue, priority, limit_name)
    SELECT k.concurrency_key, t.concurrency_limit, k.id, k.queue, k.priority, t.limit_name
    FROM tasks k
    JOIN unnest(CAST(:taskPromises AS integer[]), CAST(:taskConcurrencyLimits AS integer[]),
                CAST(:taskLimitNames AS text[])) AS t(promise, concurrency_limit, limit_name)
      ON t.promise = k.parent_promise
    WHERE k.concurrency_key IS NOT NULL
), clashes AS (
    SELECT t.promise, 'Task id ''' || t.id || ''', which Rondo made for this Task.run("' || t.name || '"), is taken by '
           || coalesce('another ' || e.kind || ' (''' || e.name || ''')', 'another execution')
           || '; the task was not started. Ids ending in .t<number> or .w<number> are the engine''s: '
           || 'start workflows under other ids.' AS message
    FROM unnest(CAST(:taskIds AS text[]), CAST(:taskNames AS text[]), CAST(:taskPromises AS integer[]))
         AS t(id, name, promise)
    LEFT JOIN executions e ON e.id = t.id
    WHERE t.id NOT IN (SELECT id FROM tasks)
      AND NOT coalesce(e.kind = 'task' AND e.parent_id = :id AND e.parent_promise = t.promise, false)
), replayed AS (
    -- the same task, ended: its outcome again, so the stretch run again does not wait for it forever
    INSERT INTO inbox (execution_id, promise, kind, payload)
    SELECT :id, e.parent_promise, CASE e.status WHEN 'completed' THEN 'resolved' ELSE 'task_failed' END,
           CASE e.status WHEN 'completed' THEN e.result ELSE e.error END
    FROM unnest(CAST(:taskIds AS text[])) AS t(id)
    JOIN executions e ON e.id = t.id
    WHERE t.id NOT IN (SELECT id FROM tasks)
      AND e.kind = 'task' AND e.parent_id = :id AND e.status IN ('completed', 'failed')
    RETURNING promise
), clash_outcomes AS (
    INSERT INTO inbox (execution_id, promise, kind, payload)
    SELECT :id, promise, 'task_failed', json_build_object('message', message, 'attempts', 0, 'details', NULL)::text
    FROM clashes
), task_items AS (
    -- the lease runs from the statement's time, not the transaction's start (now()): the worker counts it
    -- from before it sent this statement
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight, lease_owner, lease_expires_at)
    SELECT k.id, k.queue, k.priority, k.fair_key, k.fair_weight,
           CASE WHEN k.eager THEN CAST(:owner AS text) END,
           CASE WHEN k.eager THEN clock_timestamp() + make_interval(secs => :leaseSeconds) END
    FROM (SELECT t.id, t.queue, t.priority, t.fair_key, t.fair_weight,
                 coalesce(e.eager, false) AND t.fair_key IS NULL
                     AND t.queue NOT IN (SELECT queue FROM paused_queues) AS eager -- one hashed look at the table
          FROM tasks t
          LEFT JOIN unnest(CAST(:taskPromises AS integer[]), CAST(:taskEager AS boolean[])) AS e(promise, eager)
            ON e.promise = t.parent_promise
          WHERE t.concurrency_key IS NULL) AS k
    RETURNING id, execution_id, queue, lease_owner IS NOT NULL AS leased
), lines AS (
    INSERT INTO log_lines (execution_id, seq, line)
    SELECT :id, coalesce((SELECT max(seq) FROM log_lines WHERE execution_id = :id), 0) + l.n, l.line
    FROM unnest(CAST(:lines AS text[])) WITH ORDINALITY AS l(line, n)
), events AS (
    INSERT INTO history (execution_id, seq, kind, detail)
    SELECT :id, coalesce((SELECT max(seq) FROM history WHERE execution_id = :id), 0) + h.n, h.kind, h.detail
    FROM unnest(CAST(:kinds AS text[]), CAST(:details AS text[])) WITH ORDINALITY AS h(kind, detail, n)
), saved AS (
    INSERT INTO checkpoints (execution_id, state, waiting_at, waiting_for, updated_at)
    SELECT :id, :state, :waitingAt, :waitingFor, now()
    WHERE CAST(:state AS text) IS NOT NULL
    ON CONFLICT (execution_id)
    DO UPDATE SET state = excluded.state, waiting_at = excluded.waiting_at,
                  waiting_for = excluded.waiting_for, updated_at = excluded.updated_at
), stepped AS (
    INSERT INTO checkpoint_history (execution_id, step, state, waiting_at, waiting_for, timer_promises,
                                    timer_fire_at_millis, signals, at)
    SELECT :id, coalesce((SELECT max(step) FROM checkpoint_history WHERE execution_id = :id), 0) + 1,
           :state, :waitingAt, :waitingFor, nullif(CAST(:timerPromises AS integer[]), '{}'),
           nullif(CAST(:timerFireAtMillis AS bigint[]), '{}'), nullif(CAST(:signals AS bigint[]), '{}'), now()
    WHERE CAST(:state AS text) IS NOT NULL AND CAST(:historyLimit AS integer) > 0
    RETURNING step
), bounded AS (
    DELETE FROM checkpoint_history
    WHERE execution_id = :id AND step <= (SELECT step FROM stepped) - CAST(:historyLimit AS integer)
), waiting AS (
    -- a slice that commits ends a run of failed ones (V5__failure_bounds.sql)
    UPDATE executions SET status = 'waiting', started_at = coalesce(started_at, now()), slice_failures = 0,
                          slice_error = NULL
    WHERE id = :id AND CAST(:state AS text) IS NOT NULL
), wake AS (
    INSERT INTO queue_items (execution_id, queue, priority, fair_key, fair_weight, run_at)
    SELECT :id, :queue, :priority, (SELECT fair_key FROM me), (SELECT fair_weight FROM me),
           CASE WHEN CAST(:wakeNow AS boolean) OR EXISTS (SELECT 1 FROM clashes) OR EXISTS (SELECT 1 FROM replayed)
                THEN now() ELSE min(t.fire_at) END
    FROM (SELECT fire_at FROM timers
          WHERE execution_id = :id AND NOT promise = ANY(CAST(:firedTimers AS integer[]))
          UNION ALL
          SELECT fire_at FROM new_timers) AS t
    WHERE t.fire_at < timestamptz 'infinity' -- a timer that never fires needs no wake-up
    HAVING CAST(:wakeNow AS boolean) OR EXISTS (SELECT 1 FROM clashes) OR EXISTS (SELECT 1 FROM replayed)
        OR (CAST(:state AS text) IS NOT NULL AND min(t.fire_at) IS NOT NULL)
    {{wake_up}}
    RETURNING queue
), woken AS (
    SELECT DISTINCT queue FROM (SELECT queue FROM task_items WHERE NOT leased UNION ALL SELECT queue FROM wake) AS q
)
SELECT coalesce(array_agg(queue), '{}') AS woken, count(pg_notify({{work_channel}}, queue)) AS notified,
       (SELECT coalesce(array_agg(execution_id ORDER BY id), '{}') FROM task_items WHERE leased) AS leased_tasks,
       (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM task_items WHERE leased) AS leased_items
FROM woken

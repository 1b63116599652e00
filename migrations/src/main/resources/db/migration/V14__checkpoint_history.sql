-- Retry, rewind and fork (docs/operations.md) need the checkpoints an execution had, not only its last.
--
-- checkpoint_history: the checkpoint of each await, numbered per execution (step 1, 2, …, never reused: a
-- rewind goes on with the next number), written by the slice's own statement (SliceDao/write_slice.sql) at
-- no extra round trip. Beside the state it keeps what a rewind or fork needs to make the await it stands at
-- again able to complete: the timers the slice set (their due times are nowhere else once they fired or the
-- execution ended) and the signals it consumed (given back by a rewind to before it). Empty arrays are
-- stored as null. Bounded per execution (the worker's checkpointHistory, default the last 1,000 steps) and
-- dropped at the execution's end unless the worker keeps it (keepCheckpointHistoryAfterEnd); a failed
-- execution keeps it, since it can be retried or rewound. No foreign key, as for history (V4): the slice
-- holds its workflow's row already, and retention deletes these rows with the tree (prune_batch.sql).
CREATE TABLE checkpoint_history (
    execution_id         text        NOT NULL,
    step                 integer     NOT NULL,
    state                text        NOT NULL,
    waiting_at           text,                   -- file:line:col of the await
    waiting_for          text,                   -- what it waits for, as describe() shows it (JSON array)
    timer_promises       integer[],              -- the timers this slice set …
    timer_fire_at_millis bigint[],               -- … and when they fire (epoch ms; Long.MAX_VALUE: never)
    signals              bigint[],               -- the signals this slice consumed
    at                   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (execution_id, step)
);

-- A fork (RondoClient.fork, `rondo fork`) names the execution and step it started from; describe shows it.
-- Columns without defaults rewrite no rows.
ALTER TABLE executions
    ADD COLUMN forked_from    text,
    ADD COLUMN forked_at_step integer;

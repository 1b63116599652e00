-- Rate limits (docs/scheduling.md, "Rate limits"): at most N admissions of a key in any one-second window,
-- across all workers. Rate-limited work waits in concurrency_waiting like work with a concurrency key, under
-- the key ConcurrencyStatements.RATE_PREFIX + the user's key (the prefix holds a control character, which
-- no user key may, so the two kinds never share a key), with its N as max_running. An admission
-- (ConcurrencyStatements/admit_rate.sql), under the key's row lock in concurrency_keys, counts the
-- admissions of the last second here, moves up to N minus that many into the queue and logs them; rows
-- older than the window are deleted by the next admission of the key.
CREATE TABLE rate_admissions (
    key         text        NOT NULL,
    admitted_at timestamptz NOT NULL
);
CREATE INDEX rate_admissions_key ON rate_admissions (key, admitted_at);

-- Debounced starts (docs/scheduling.md, "Debounce"): one row per key, the execution its window starts and
-- when it is due. A start with a debounce key upserts the row under its row lock (so two clients racing
-- make one execution): while the window is open it gives its input to that execution (or, keeping the
-- first, nothing), as long as the execution's queue item is still unclaimed; otherwise it starts a new
-- execution, delayed to the end of a new window, and takes the row over.
CREATE TABLE debounces (
    key          text        PRIMARY KEY,
    execution_id text        NOT NULL,
    due_at       timestamptz NOT NULL
);
-- prune (RetentionDao/prune_batch.sql) deletes the row of a window whose run it deletes
CREATE INDEX debounces_execution ON debounces (execution_id);

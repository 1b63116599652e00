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

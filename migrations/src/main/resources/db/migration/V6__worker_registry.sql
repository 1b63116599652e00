-- The workers that run now (or ran lately), one row each: inserted when a worker starts, its last_seen
-- and in_flight written every few seconds, deleted when it shuts down cleanly. A worker that died leaves
-- its row behind; the others prune such rows once they are an hour old. describe() reads this table to
-- say when no worker has served the queue an execution waits on. A handful of rows: no index needed.
CREATE TABLE workers (
    id          text        PRIMARY KEY,
    host        text        NOT NULL,
    pid         bigint      NOT NULL,
    queues      text[]      NOT NULL,
    concurrency integer     NOT NULL,
    in_flight   integer     NOT NULL DEFAULT 0,
    started_at  timestamptz NOT NULL DEFAULT now(),
    last_seen   timestamptz NOT NULL DEFAULT now()
);

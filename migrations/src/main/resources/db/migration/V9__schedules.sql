-- Schedules (docs/scheduling.md): a workflow started on a cron expression or a fixed interval. A few rows,
-- read by every worker's firer: the due ones are claimed FOR UPDATE SKIP LOCKED, so one worker fires a
-- given schedule at a time, and each fire time is written once to schedule_fires, whose key holds it: a
-- fire time is started exactly once, whoever fires it and however often a firer dies before its commit.
CREATE TABLE schedules (
    name              text        PRIMARY KEY,
    workflow          text        NOT NULL,
    queue             text        NOT NULL DEFAULT 'default',
    cron              text,                               -- 5 fields, or 6 with seconds first
    every_seconds     bigint      CHECK (every_seconds > 0),
    time_zone         text        NOT NULL DEFAULT 'UTC', -- the zone the cron expression reads the clock in
    input             text        NOT NULL DEFAULT '{}',
    overlap           text        NOT NULL DEFAULT 'skip' CHECK (overlap IN ('skip', 'buffer', 'allow', 'cancel')),
    catchup           integer     NOT NULL DEFAULT 1 CHECK (catchup >= 1), -- fire times run after downtime
    paused            boolean     NOT NULL DEFAULT false,
    declared          boolean     NOT NULL DEFAULT false, -- by a deploy's schedules.json (deploys manage it)
    anchor            timestamptz NOT NULL DEFAULT now(), -- an interval counts from here
    next_fire_at      timestamptz,                        -- null: the expression never matches again
    buffered_fire_at  timestamptz,                        -- overlap 'buffer': a fire time waiting for the run before
    last_execution_id text,                               -- the newest run it started, for the overlap policy
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((cron IS NULL) <> (every_seconds IS NULL))
);
-- The firer's look-up: the earliest fire time of the schedules that are not paused.
CREATE INDEX schedules_due ON schedules (next_fire_at) WHERE NOT paused;

-- Every fire time a schedule reached, once: started (with the execution), or skipped by the overlap
-- policy. Trigger and backfill write here too (their own fire times), so a backfill over times already
-- run starts nothing again.
CREATE TABLE schedule_fires (
    schedule     text        NOT NULL REFERENCES schedules (name) ON DELETE CASCADE,
    fire_at      timestamptz NOT NULL,
    reason       text        NOT NULL CHECK (reason IN ('schedule', 'trigger', 'backfill')),
    outcome      text        NOT NULL CHECK (outcome IN ('started', 'skipped', 'not_deployed')),
    execution_id text,
    recorded_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (schedule, fire_at)
);

-- The fire time of an execution a schedule started (Context.scheduledAt); null for any other.
ALTER TABLE executions ADD COLUMN scheduled_at timestamptz;

-- Concurrency keys (docs/scheduling.md, "Flow control"): at most max_running executions of a key run at
-- once, across all workers. Work with a key does not get a queue item when it is started: it waits in
-- concurrency_waiting, outside the hot table, so claims of other work never read past it, however many
-- wait. A worker admits waiting work (admit.sql) under the key's row lock in concurrency_keys, which
-- serializes admissions of one key: it counts the holders that have not finished (a holder is freed when
-- its execution ends, whether it completed, failed, was cancelled or ran out of attempts after its worker
-- died) and moves up to the free slots' worth into queue_items, highest priority first, then oldest.
ALTER TABLE executions ADD COLUMN concurrency_key text;
CREATE TABLE concurrency_keys (
    key text PRIMARY KEY
);
CREATE TABLE concurrency_waiting (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key          text        NOT NULL,
    max_running  integer     NOT NULL CHECK (max_running >= 1),
    execution_id text        NOT NULL UNIQUE,
    queue        text        NOT NULL,
    priority     integer     NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX concurrency_waiting_next ON concurrency_waiting (key, priority DESC, id);
CREATE TABLE concurrency_holders (
    key          text        NOT NULL,
    execution_id text        NOT NULL,
    admitted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (key, execution_id)
);

-- Rondo's schema, version 1. Rules (ARCHITECTURE.md, "Storage rules"):
--  * hot and cold apart: claims scan only queue_items, small rows deleted as work finishes;
--  * time is the database's: every due time and lease is timestamptz compared with now();
--  * JSON that must keep its key order (inputs, results, checkpoints, ASTs) is stored as text, never jsonb.

-- Deployed workflow versions. The AST is the compiled, await-lowered program (AstCodec JSON); workers
-- load it by (name, hash) and never need the source. A definition is never changed once written, so a
-- running execution keeps the exact version it started with.
CREATE TABLE flow_definitions (
    name        text        NOT NULL,
    hash        text        NOT NULL,                -- hex SHA-256 of the source
    source      text        NOT NULL,
    ast         text        NOT NULL,
    deployed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, hash)
);

-- Which version of each workflow new executions start with.
CREATE TABLE flow_heads (
    name       text        PRIMARY KEY,
    hash       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (name, hash) REFERENCES flow_definitions (name, hash)
);

-- Every workflow and task execution. Cold: read by id, by parent, and by the listing filters.
CREATE TABLE executions (
    id               text        PRIMARY KEY,
    kind             text        NOT NULL CHECK (kind IN ('workflow', 'task')),
    name             text        NOT NULL,
    definition_hash  text,
    queue            text        NOT NULL,
    priority         integer     NOT NULL DEFAULT 0,  -- of every queue item this execution gets
    status           text        NOT NULL
        CHECK (status IN ('queued', 'running', 'waiting', 'completed', 'failed', 'cancelled')),
    input            text        NOT NULL,
    result           text,
    error            text,
    parent_id        text        REFERENCES executions (id) ON DELETE CASCADE,
    parent_promise   integer,                        -- the parent's promise this execution settles
    attempt          integer     NOT NULL DEFAULT 0,
    options          text,                           -- a task's options (JSON text)
    cancel_requested boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    -- a workflow is pinned to a version; a task has none
    CHECK ((kind = 'workflow') = (definition_hash IS NOT NULL)),
    CHECK ((parent_id IS NULL) = (parent_promise IS NULL))
);
CREATE INDEX executions_by_parent ON executions (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX executions_newest_first ON executions (created_at DESC, id DESC);
CREATE INDEX executions_by_name ON executions (name, created_at DESC);
-- Unfinished executions are few; listing them and finding stuck ones must not scan the finished.
CREATE INDEX executions_unfinished ON executions (status, created_at DESC)
    WHERE status IN ('queued', 'running', 'waiting');
-- Retention deletes finished executions oldest first, in small batches.
CREATE INDEX executions_finished ON executions (finished_at) WHERE finished_at IS NOT NULL;

-- The hot table: what a worker can claim now or later (a task attempt, or a workflow that has something
-- to do: a new outcome, a due timer, a cancel request). No foreign key: an insert here must cost one
-- index write per index, and a claimed item whose execution is gone is simply deleted.
CREATE TABLE queue_items (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    execution_id     text        NOT NULL,
    queue            text        NOT NULL,
    priority         integer     NOT NULL DEFAULT 0,
    run_at           timestamptz NOT NULL DEFAULT now(),
    lease_owner      text,
    lease_expires_at timestamptz,
    CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL))
);
-- The claim: due, unleased items of the worker's queues, highest priority first, then oldest.
CREATE INDEX queue_items_claimable ON queue_items (queue, priority DESC, run_at, id) WHERE lease_owner IS NULL;
-- Rescue: leases that ran out (a worker died or lost its connection).
CREATE INDEX queue_items_leased ON queue_items (lease_expires_at) WHERE lease_owner IS NOT NULL;
-- At most one unclaimed wake-up per execution: another outcome only moves it earlier
-- (INSERT … ON CONFLICT (execution_id) WHERE lease_owner IS NULL DO UPDATE SET run_at = LEAST(…)).
CREATE UNIQUE INDEX queue_items_one_unclaimed ON queue_items (execution_id) WHERE lease_owner IS NULL;

-- The last checkpoint of each suspended workflow, as exact text (CheckpointCodec), with where it waits.
CREATE TABLE checkpoints (
    execution_id text        PRIMARY KEY REFERENCES executions (id) ON DELETE CASCADE,
    state        text        NOT NULL,
    waiting_at   text,                                -- file:line:col of the await
    waiting_for  text,                                -- what it needs, for describe()
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Outcomes a waiting workflow has not seen yet, in the order they happened (id order): a task or child
-- finished, a timer fired, a cancel was requested. The slice that applies them deletes them in its commit.
CREATE TABLE inbox (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    execution_id text        NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    promise      integer,
    kind         text        NOT NULL CHECK (kind IN ('resolved', 'task_failed', 'child_failed', 'timer', 'cancel')),
    payload      text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbox_by_execution ON inbox (execution_id, id);

-- Timers of waiting workflows; the workflow's wake-up item is due at the earliest of them.
CREATE TABLE timers (
    execution_id text        NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    promise      integer     NOT NULL,
    fire_at      timestamptz NOT NULL,
    PRIMARY KEY (execution_id, promise)
);
CREATE INDEX timers_due ON timers (execution_id, fire_at);

-- Signals, buffered until a waiting Signal.next consumes them, first in first out (id order). Consuming
-- is an update in the consuming slice's transaction, so each is consumed exactly once.
CREATE TABLE signals (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    execution_id text        NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    payload      text        NOT NULL,
    sent_at      timestamptz NOT NULL DEFAULT now(),
    consumed_at  timestamptz
);
CREATE INDEX signals_unconsumed ON signals (execution_id, id) WHERE consumed_at IS NULL;

-- print/console.log lines, numbered per execution; written with the checkpoint that follows them.
CREATE TABLE log_lines (
    execution_id text        NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    seq          integer     NOT NULL,
    line         text        NOT NULL,
    logged_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (execution_id, seq)
);

-- What happened to each execution (started, task started, signal consumed, suspended, completed, …).
CREATE TABLE history (
    execution_id text        NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    seq          integer     NOT NULL,
    kind         text        NOT NULL,
    detail       text,
    at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (execution_id, seq)
);

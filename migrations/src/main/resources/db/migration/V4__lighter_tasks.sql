-- A task is the engine's most common row and its hottest path: inserted by its workflow's slice, ended by
-- a worker, its outcome put in the parent's inbox. Measured with `bench/run profile` (statements by server
-- time and perf on the server), index inserts and foreign-key checks were a third of the server's CPU per
-- task. This version takes from a task every index entry and check that only workflows need.

-- Listings show workflows only (QueryDao/list.sql filters kind = 'workflow'), and retention and "unfinished"
-- counts look at workflows: tasks need not be in these indexes.
DROP INDEX executions_newest_first;
CREATE INDEX executions_newest_first ON executions (created_at DESC, id DESC) WHERE kind = 'workflow';
DROP INDEX executions_by_name;
CREATE INDEX executions_by_name ON executions (name, created_at DESC) WHERE kind = 'workflow';
DROP INDEX executions_unfinished;
CREATE INDEX executions_unfinished ON executions (status, created_at DESC)
    WHERE kind = 'workflow' AND status IN ('queued', 'running', 'waiting');

-- Foreign keys checked once per task (its insert names its parent, its start is a history row, its outcome
-- an inbox row): each check is a lookup and a row lock on the parent, and the engine already writes these
-- rows only for an execution it holds. Retention deletes a tree's executions, inbox and history itself
-- (RetentionDao/prune_batch.sql). The per-slice tables (checkpoints, timers, signals, log lines) keep theirs.
ALTER TABLE executions DROP CONSTRAINT executions_parent_id_fkey;
ALTER TABLE inbox DROP CONSTRAINT inbox_execution_id_fkey;
ALTER TABLE history DROP CONSTRAINT history_execution_id_fkey;

-- One index for the inbox: a slice reads its workflow's rows in id order and deletes them by
-- (execution_id, id).
ALTER TABLE inbox DROP CONSTRAINT inbox_pkey;
DROP INDEX inbox_by_execution;
ALTER TABLE inbox ADD PRIMARY KEY (execution_id, id);

-- A worker with nothing due finds its queues' earliest item through the claim index instead
-- (QueueStatements/next_due.sql walks the few priorities in use): one index write less per queue item.
DROP INDEX queue_items_next_due;

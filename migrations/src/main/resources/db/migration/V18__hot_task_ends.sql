-- A task's end is a HOT update (issue 16). PostgreSQL 15 writes an update as heap-only (no new index
-- entry in any index of the table) only when no indexed column changed, the columns of partial-index
-- predicates included, and the row's page has room for the new version. A task's end sets its status,
-- result, error, attempt and finished_at, and three indexes named status or finished_at:
-- executions_by_status (workflows only, but its column is status), executions_finished_by_queue and
-- executions_finished_roots. So every task end wrote a new entry in each of the table's indexes.
--
-- Now those indexes read stored generated columns that a task's end leaves as they are (null for a task),
-- and the per-queue finished counts move to a small table of counters:
--  * workflow_status: the status of a workflow, null for a task (the status filter of the listings);
--  * root_finished_at: when a top-level execution finished, null for a child or a task (retention);
--  * queue_throughput: how many executions of each queue finished in each 10-second bucket, counted by
--    the statements that end them (one row per bucket, queue and server process, so that two
--    transactions never wait for each other on a counter); the dashboard's queues page sums the last
--    hour of it, and workers delete buckets older than two hours with their registry's pruning.
-- fillfactor 80 leaves a fifth of each new page of executions free, where a task's end can write its new
-- version next to the old one (a task row is inserted and ended within seconds, mostly on the same page).
--
-- Upgrading: adding stored columns rewrites executions under an ACCESS EXCLUSIVE lock (docs/cli.md, "rondo
-- migrate"): 6.5 s for a million executions on a 2-core machine, during which nothing that uses it runs.
ALTER TABLE executions SET (fillfactor = 80);
ALTER TABLE executions
    ADD COLUMN workflow_status text
        GENERATED ALWAYS AS (CASE WHEN kind = 'workflow' THEN status END) STORED,
    ADD COLUMN root_finished_at timestamptz
        GENERATED ALWAYS AS (CASE WHEN parent_id IS NULL THEN finished_at END) STORED;

DROP INDEX executions_by_status;
CREATE INDEX executions_by_status ON executions (workflow_status, created_at DESC, id DESC)
    WHERE workflow_status IS NOT NULL;

DROP INDEX executions_finished_roots;
CREATE INDEX executions_finished_roots ON executions (root_finished_at, id) WHERE root_finished_at IS NOT NULL;

CREATE TABLE queue_throughput (
    queue    text        NOT NULL,
    bucket   timestamptz NOT NULL,  -- the start of a 10-second bucket
    backend  integer     NOT NULL,  -- pg_backend_pid() of the counting session (0: carried over by V18)
    finished bigint      NOT NULL,
    PRIMARY KEY (queue, bucket, backend)
);
-- The last hour as executions_finished_by_queue gave it, so that the queues page goes on without a gap.
INSERT INTO queue_throughput (queue, bucket, backend, finished)
SELECT queue, to_timestamp(floor(extract(EPOCH FROM finished_at) / 10) * 10), 0, count(*)
FROM executions
WHERE finished_at > now() - interval '1 hour'
GROUP BY 1, 2;
DROP INDEX executions_finished_by_queue;

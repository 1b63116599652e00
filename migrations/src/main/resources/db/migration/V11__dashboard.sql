-- The dashboard's indexes (issue 12).
-- The executions page filtered by status, newest first and paged by keyset, over a million executions:
-- without it a rare status (failed) walks executions_newest_first past every other row. It also serves
-- the capped counts per status.
CREATE INDEX executions_by_status ON executions (status, created_at DESC, id DESC) WHERE kind = 'workflow';
-- The queues page's throughput (executions finished in the last minute and hour, per queue): a range over
-- the last hour instead of a scan of every execution ever kept.
CREATE INDEX executions_finished_by_queue ON executions (finished_at, queue) WHERE finished_at IS NOT NULL;
-- executions_by_status covers what executions_unfinished served (the unfinished statuses of workflows, newest
-- first), so that one goes: a workflow's status changes at every slice, and each index on it costs a write then.
DROP INDEX IF EXISTS executions_unfinished;

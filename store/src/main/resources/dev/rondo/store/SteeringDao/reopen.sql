-- A failed execution goes on (retry, rewind): waiting again, its end undone (the error goes: the history
-- keeps the 'failed' row), its run of failed slices reset. No rondo_done is sent: waiters for its end keep
-- waiting for the next one.
UPDATE executions
SET status = 'waiting', result = NULL, error = NULL, finished_at = NULL, slice_failures = 0, slice_error = NULL
WHERE id = :id AND status = 'failed'

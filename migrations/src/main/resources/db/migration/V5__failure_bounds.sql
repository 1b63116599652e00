-- Every failure ends somewhere (docs/engine.md, "Failures"). Two counters on a workflow's row, both read by
-- the slice's opening statement (lock_workflow.sql) at no extra round trip:
--  * slice_failures: the slices of this workflow that failed in a row without committing (a permanent
--    commit error, an Error such as OutOfMemoryError, a worker that died mid-slice and was rescued); reset
--    by the next slice that commits. At a few, the execution fails (or ends cancelled when a cancel was
--    requested) instead of being tried again forever, even when each try kills its worker.
--  * slice_error: the last of those failures, for the error the execution ends with.
--  * depth: how deep in a tree of child workflows it is (0 for a workflow the client started), so a
--    workflow that starts itself as a child stops at the worker's nesting limit.
-- Adding columns with constant defaults rewrites no rows.
ALTER TABLE executions
    ADD COLUMN slice_failures integer NOT NULL DEFAULT 0,
    ADD COLUMN slice_error    text,
    ADD COLUMN depth          integer NOT NULL DEFAULT 0;

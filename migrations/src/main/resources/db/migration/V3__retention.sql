-- Retention (RondoClient.prune, `rondo prune`) deletes finished top-level executions oldest first, in
-- batches, with their whole trees.
--
-- It walks the roots only: an index over every finished row would make each batch step over the tasks and
-- child workflows of trees it keeps (a workflow filter, a child still running) again and again, and costs
-- a write on every task that finishes. Ordered by (finished_at, id) so a run pages through it by keyset.
DROP INDEX executions_finished;
CREATE INDEX executions_finished_roots ON executions (finished_at, id)
    WHERE parent_id IS NULL AND finished_at IS NOT NULL;

-- Deleting an execution cascades to its signals; the foreign key's lookup needs an index on execution_id
-- that holds consumed signals too (signals_unconsumed does not), or every deleted execution scans signals.
CREATE INDEX signals_by_execution ON signals (execution_id);

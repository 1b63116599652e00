-- A task's row out of the attribute index (issue 16). Attributes are a workflow's (set at start and by the
-- flow's Context.setAttributes); every query that filters on them also says kind = 'workflow' (QueryDao and
-- DashboardDao), so a partial index serves them all. Each task was an entry here twice (inserted by its
-- workflow's slice, and again when its end, an update that cannot be HOT, wrote a new row version), each an
-- append to the GIN index's pending list that some later insert or vacuum then had to merge.
CREATE INDEX executions_by_attributes_v17 ON executions USING gin (attributes jsonb_path_ops) WHERE kind = 'workflow';
DROP INDEX executions_by_attributes;
ALTER INDEX executions_by_attributes_v17 RENAME TO executions_by_attributes;

-- Searchable attributes (docs/java.md, "Attributes"): short string keys and values set at start and by the
-- flow's Context.setAttributes, merged into one object per execution. jsonb_path_ops makes the GIN index
-- small and serves exactly the containment filter list uses (attributes @> '{"customer":"c-42"}').
-- The default is a constant, so adding the column rewrites nothing.
ALTER TABLE executions ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}';
CREATE INDEX executions_by_attributes ON executions USING gin (attributes jsonb_path_ops);

-- The W3C trace context (a traceparent header value) of the span an execution runs under, so its slices
-- and task attempts, in any process and on any day, join the trace the caller of start began. Null when
-- no tracing was configured where the execution was started.
ALTER TABLE executions ADD COLUMN trace_context text;

-- The first traced slice of a workflow started without a trace context (by an untraced client): its span
-- becomes the execution's, so its later slices and tasks join one trace. Never overwrites a caller's.
UPDATE executions SET trace_context = :traceContext WHERE id = :id AND trace_context IS NULL

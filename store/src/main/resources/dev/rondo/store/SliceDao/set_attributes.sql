-- Context.setAttributes, in the slice's transaction (the row is locked by lock_workflow.sql): the new keys
-- are merged over the old ones (jsonb ||: the right side wins). Sent only by slices that called it.
UPDATE executions SET attributes = attributes || CAST(:attributes AS jsonb) WHERE id = :id

-- An outcome for a workflow that is known already (a child that is unknown, or finished before it was
-- asked for): straight into the inbox, which the next slice reads.
INSERT INTO inbox (execution_id, promise, kind, payload) VALUES (:id, :promise, :kind, :payload)

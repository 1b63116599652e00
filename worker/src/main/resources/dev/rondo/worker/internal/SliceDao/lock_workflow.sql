-- Opens a slice: the workflow row locked for the slice's transaction (FOR NO KEY UPDATE, so a task that
-- finishes meanwhile can still add to the inbox, whose foreign key takes only a key-share lock, while a
-- second slice of the same workflow waits here), its checkpoint, and the database's clock, which timers
-- are computed from.
SELECT e.name, e.definition_hash, e.queue, e.priority, e.input, e.parent_id, e.cancel_requested,
       e.finished_at IS NOT NULL AS finished, c.state AS checkpoint,
       (EXTRACT(EPOCH FROM now()) * 1000)::bigint AS now_millis,
       to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
FROM executions e
LEFT JOIN checkpoints c ON c.execution_id = e.id
WHERE e.id = :id AND e.kind = 'workflow'
FOR NO KEY UPDATE OF e

-- Opens a slice in one round trip: the slice's own queue item deleted (it goes with the slice's commit;
-- "owned" is false when this worker lost its lease and another worker is redoing the slice), the
-- workflow row locked for the slice's transaction (FOR NO KEY UPDATE, so a task that finishes meanwhile
-- can still add to the inbox, whose foreign key takes only a key-share lock, while a second slice of the
-- same workflow waits here), and the database's clock, which timers are computed from. The checkpoint is
-- read by the next statement (pending_outcomes.sql, sent in the same round trip), not joined here: a slice
-- that waited for the lock would see the row's new version but the checkpoint as it was before the other
-- slice committed; the next statement's snapshot is taken only once this one has the lock.
-- A paused workflow (status 'paused', V13) is not run: the slice only drops its item (resume wakes it again).
WITH released AS (
    DELETE FROM queue_items WHERE id = :item AND lease_owner = :owner RETURNING id
)
SELECT name, definition_hash, queue, priority, input, parent_id, cancel_requested, slice_failures, slice_error, depth,
       trace_context,
       finished_at IS NOT NULL AS finished, status = 'paused' AS paused,
       EXISTS (SELECT 1 FROM released) AS owned,
       (EXTRACT(EPOCH FROM now()) * 1000)::bigint AS now_millis,
       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
       to_char(scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS scheduled_at, concurrency_key
FROM executions
WHERE id = :id AND kind = 'workflow'
FOR NO KEY UPDATE

-- Everything a slice reads once it holds the workflow's lock, in one round trip: the checkpoint (a row of
-- its own, first), then what the workflow may react to in the order it happened: its inbox (task and
-- child outcomes, cancel requests), its due timers, and its signals not consumed yet (oldest first).
SELECT source, id, promise, kind, payload, name, (EXTRACT(EPOCH FROM at) * 1000)::bigint AS at_millis
FROM (
    SELECT 0 AS part, 'checkpoint' AS source, NULL::bigint AS id, NULL::integer AS promise, 'checkpoint' AS kind,
           state AS payload, NULL AS name, NULL::timestamptz AS at
    FROM checkpoints WHERE execution_id = :id
    UNION ALL
    SELECT 1, 'inbox', id, promise, kind, payload, NULL, created_at
    FROM inbox WHERE execution_id = :id
    UNION ALL
    SELECT 1, 'timer', NULL, promise, 'timer', NULL, NULL, fire_at
    FROM timers WHERE execution_id = :id AND fire_at <= now()
    UNION ALL
    SELECT 1, 'signal', id, NULL, 'signal', payload, name, sent_at
    FROM signals WHERE execution_id = :id AND consumed_at IS NULL
) AS pending
ORDER BY part, at, id

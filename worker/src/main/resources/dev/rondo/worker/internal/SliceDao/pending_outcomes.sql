-- Everything the workflow may react to, in the order it happened: its inbox (task and child outcomes,
-- cancel requests), its timers that are due, and its signals not consumed yet (oldest first).
SELECT source, id, promise, kind, payload, name
FROM (
    SELECT 'inbox' AS source, id, promise, kind, payload, NULL AS name, created_at AS at
    FROM inbox WHERE execution_id = :id
    UNION ALL
    SELECT 'timer', NULL, promise, 'timer', NULL, NULL, fire_at
    FROM timers WHERE execution_id = :id AND fire_at <= now()
    UNION ALL
    SELECT 'signal', id, NULL, 'signal', payload, name, sent_at
    FROM signals WHERE execution_id = :id AND consumed_at IS NULL
) AS pending
ORDER BY at, id

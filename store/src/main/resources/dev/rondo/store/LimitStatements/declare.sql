-- Creates or changes a limit a deploy's limits.json declares, owned by the workflows of the folder it was
-- deployed with (declared_for). A limit set by hand is never taken over (no row: the caller refuses the
-- deploy). Redeploying the same file changes nothing but updated_at. Wakes the admitters of the keys
-- whose waiting work asked for it, as set.sql does.
WITH upserted AS (
    INSERT INTO limits AS l (name, kind, value, declared_for)
    VALUES (:name, :kind, :value, CAST(:workflows AS text[]))
    ON CONFLICT (name) DO UPDATE
    SET kind = excluded.kind, value = excluded.value, declared_for = excluded.declared_for, updated_at = now()
    WHERE l.declared_for IS NOT NULL
    RETURNING (xmax = 0) AS inserted
)
SELECT inserted,
       (SELECT count(pg_notify({{admit_channel}}, k.key))
        FROM (SELECT DISTINCT key FROM concurrency_waiting WHERE limit_name = :name) k) AS notified
FROM upserted

-- Sets a named limit by hand (rondo limit set, Limits.set): created, or its kind and value changed. A limit
-- a deploy's limits.json declares is left alone (no row: the caller refuses, naming the file to change).
-- The keys whose waiting work asked for this limit are sent on {{admit_channel}} at commit, so a raised
-- limit admits at once rather than at the admitters' next sweep (a lowered one simply admits less).
WITH upserted AS (
    INSERT INTO limits AS l (name, kind, value, declared_for)
    VALUES (:name, :kind, :value, NULL)
    ON CONFLICT (name) DO UPDATE
    SET kind = excluded.kind, value = excluded.value, updated_at = now()
    WHERE l.declared_for IS NULL
    RETURNING (xmax = 0) AS inserted
)
SELECT inserted,
       (SELECT count(pg_notify({{admit_channel}}, k.key))
        FROM (SELECT DISTINCT key FROM concurrency_waiting WHERE limit_name = :name) k) AS notified
FROM upserted

-- The keys that have waiting work, for the admitters' sweep (work whose admission after its start or
-- after a holder's end was lost, say to a worker that died in between). A loose index scan of
-- concurrency_waiting_next: one probe per key, however many wait on each.
WITH RECURSIVE keys AS (
    (SELECT key FROM concurrency_waiting ORDER BY key LIMIT 1)
    UNION ALL
    SELECT (SELECT w.key FROM concurrency_waiting w WHERE w.key > k.key ORDER BY w.key LIMIT 1)
    FROM keys k
    WHERE k.key IS NOT NULL
)
SELECT key FROM keys WHERE key IS NOT NULL LIMIT :limit

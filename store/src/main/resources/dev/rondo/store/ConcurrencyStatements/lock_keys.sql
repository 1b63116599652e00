-- lock_key.sql for many keys at once, in key order (two admitters lock shared keys in the same order, so
-- they queue rather than deadlock): an admitter that has several keys to admit takes all their locks, runs
-- admit.sql for each, and commits once.
INSERT INTO concurrency_keys (key)
SELECT k FROM unnest(CAST(:keys AS text[])) AS k ORDER BY k
ON CONFLICT (key) DO UPDATE SET key = excluded.key
RETURNING key

-- The first step of an admission: the key's row, created on first use, locked for the transaction (the
-- upsert's DO UPDATE takes the row lock, and waits for an admission of the same key that holds it), so
-- one admission of a key runs at a time and none misses the end of a holder committed before it. The
-- count and the moves are the next statement's (admit.sql), whose snapshot is taken once this lock is
-- held: a statement that waited for the lock would count holders as they were before the other admission
-- committed.
INSERT INTO concurrency_keys (key) VALUES (:key)
ON CONFLICT (key) DO UPDATE SET key = excluded.key
RETURNING key

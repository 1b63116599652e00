-- The window's execution was already claimed: this start opens a new window (the row is locked by
-- claim_window.sql in the same transaction).
UPDATE debounces SET execution_id = :id, due_at = now() + make_interval(secs => :delayMillis / 1000.0),
                     max_due_at = now() + make_interval(secs => CAST(:maxWaitMillis AS bigint) / 1000.0)
WHERE key = :key

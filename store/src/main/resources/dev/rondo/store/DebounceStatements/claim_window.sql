-- The first step of a debounced start: the key's row, created by the first start of a window (with this
-- start's id and due time) and locked for the transaction; a start that finds the window still open (its
-- due time not reached on the database's clock) keeps the row as it is and learns its execution. Two
-- starts racing on a new key: the second waits for the first's commit, then sees its row. A trailing
-- window (:maxWaitMillis not null) also records the latest it may be pushed back to (max_due_at).
INSERT INTO debounces AS d (key, execution_id, due_at, max_due_at)
VALUES (:key, :id, now() + make_interval(secs => :delayMillis / 1000.0),
        now() + make_interval(secs => CAST(:maxWaitMillis AS bigint) / 1000.0))
ON CONFLICT (key) DO UPDATE
SET execution_id = CASE WHEN d.due_at > clock_timestamp() THEN d.execution_id ELSE excluded.execution_id END,
    due_at       = CASE WHEN d.due_at > clock_timestamp() THEN d.due_at ELSE excluded.due_at END,
    max_due_at   = CASE WHEN d.due_at > clock_timestamp() THEN d.max_due_at ELSE excluded.max_due_at END
RETURNING execution_id

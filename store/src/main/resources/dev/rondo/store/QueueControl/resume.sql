-- Resumes a paused queue: its row goes and its channel is notified, so idle workers claim its due items now
-- rather than at their next poll. Returns one row when it was paused.
WITH resumed AS (
    DELETE FROM paused_queues WHERE queue = :queue RETURNING queue
)
SELECT pg_notify({{work_channel}}, queue) FROM resumed

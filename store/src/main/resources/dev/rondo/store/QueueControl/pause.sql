-- Pauses a queue (RondoClient.pauseQueue): workers stop claiming its items (QueueStatements/claim.sql) at
-- their next claim; no notification is needed. Returns a row only when the queue was not paused already, so
-- a repeated pause changes nothing (not even who paused it).
INSERT INTO paused_queues (queue, paused_by)
VALUES (:queue, :by)
ON CONFLICT (queue) DO NOTHING
RETURNING queue

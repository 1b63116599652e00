-- Pauses a workflow whose row the caller has locked (lock.sql) and found unfinished. Only the status
-- changes: its queue items, timers, inbox and signals stay as they are; a slice that opens on it drops its
-- item (SliceRunner), and resume.sql wakes it again.
UPDATE executions SET status = 'paused'
WHERE id = :id AND kind = 'workflow' AND status IN ('queued', 'running', 'waiting')

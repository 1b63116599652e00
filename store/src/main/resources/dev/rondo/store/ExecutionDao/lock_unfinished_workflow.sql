-- FOR SHARE: a signal or cancel request and the slice that finishes the workflow (which updates this row)
-- take turns (a paused workflow takes both: signals wait for its resume, a cancel resumes it), so a request is either seen by a later slice or refused here as "finished", never dropped.
SELECT queue, priority
FROM executions
WHERE id = :id AND kind = 'workflow' AND status IN ('queued', 'running', 'waiting', 'paused')
FOR SHARE

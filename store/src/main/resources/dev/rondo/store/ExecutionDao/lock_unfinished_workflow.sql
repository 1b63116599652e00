-- FOR SHARE: a signal or cancel request and the slice that finishes the workflow (which updates this row)
-- take turns, so a request is either seen by a later slice or refused here as "finished", never dropped.
SELECT queue, priority
FROM executions
WHERE id = :id AND kind = 'workflow' AND status IN ('queued', 'running', 'waiting')
FOR SHARE

-- Steering running executions (issue 13, docs/operations.md): two statuses and paused queues.
--  * 'paused': an operator paused a workflow (WorkflowHandle.pause). It is unfinished (finished_at null) but
--    no slice of it runs: a slice that opens on it drops its queue item and commits (SliceRunner), so the
--    claim itself is unchanged; resume puts the status back and wakes it.
--  * 'terminated': an operator stopped a workflow and its descendants at once without running their code
--    (ExecutionControl/terminate.sql); an ended status like completed, failed and cancelled.
-- The constraint is added NOT VALID and then validated: validation reads the table under a SHARE UPDATE
-- EXCLUSIVE lock, so workers go on writing executions while it runs on a large table.
ALTER TABLE executions DROP CONSTRAINT executions_status_check;
ALTER TABLE executions ADD CONSTRAINT executions_status_check
    CHECK (status IN ('queued', 'running', 'waiting', 'paused', 'completed', 'failed', 'cancelled', 'terminated')) NOT VALID;
ALTER TABLE executions VALIDATE CONSTRAINT executions_status_check;

-- Queues an operator paused (RondoClient.pauseQueue): workers claim nothing of a queue listed here
-- (QueueStatements/claim.sql, a one-time filter on this table's primary key) and do not count its items when
-- they compute how long to sleep (next_due.sql), so a paused queue with due work does not make them spin.
-- Resuming deletes the row and notifies the queue's channel. Usually empty; one row per paused queue.
CREATE TABLE paused_queues (
    queue     text        PRIMARY KEY,
    paused_by text        NOT NULL,
    paused_at timestamptz NOT NULL DEFAULT now()
);

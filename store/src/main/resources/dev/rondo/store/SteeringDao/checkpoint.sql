-- The checkpoint the execution would continue from (kept by a failed execution, finish_workflow.sql).
SELECT state, waiting_at, waiting_for FROM checkpoints WHERE execution_id = :id

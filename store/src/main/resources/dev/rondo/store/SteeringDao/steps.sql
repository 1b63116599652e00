-- The steps of an execution's checkpoint history, oldest first, without their states (by primary key).
SELECT step, waiting_at, waiting_for, at FROM checkpoint_history WHERE execution_id = :id ORDER BY step

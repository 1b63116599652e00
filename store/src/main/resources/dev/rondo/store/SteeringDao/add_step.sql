-- A rewind or fork records where the execution now stands as the next step of its history, so that the
-- latest step is always the checkpoint it would continue from. Returns the step's number.
INSERT INTO checkpoint_history (execution_id, step, state, waiting_at, waiting_for, at)
SELECT :id, coalesce((SELECT max(step) FROM checkpoint_history WHERE execution_id = :id), 0) + 1,
       :state, :waitingAt, :waitingFor, now()
RETURNING step

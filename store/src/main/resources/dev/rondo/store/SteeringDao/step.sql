-- One step of the checkpoint history, with its state, and the range of steps kept (for the error of a step
-- that is not kept).
SELECT h.step, h.state, h.waiting_at, h.waiting_for, h.at,
       (SELECT min(step) FROM checkpoint_history WHERE execution_id = :id) AS first_step,
       (SELECT max(step) FROM checkpoint_history WHERE execution_id = :id) AS last_step
FROM (SELECT 1) AS one
LEFT JOIN checkpoint_history h ON h.execution_id = :id AND h.step = CAST(:step AS integer)

-- A rewind or fork sets the checkpoint the execution continues from (the row's meaning is unchanged).
INSERT INTO checkpoints (execution_id, state, waiting_at, waiting_for, updated_at)
VALUES (:id, :state, :waitingAt, :waitingFor, now())
ON CONFLICT (execution_id)
DO UPDATE SET state = excluded.state, waiting_at = excluded.waiting_at, waiting_for = excluded.waiting_for,
              updated_at = excluded.updated_at

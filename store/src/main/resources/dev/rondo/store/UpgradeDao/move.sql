-- Moves one locked execution onto :hash: its checkpoint becomes the mapped one (same promises, positions in
-- the new code) and its version the new one, together; its status stays (a failed one is retried after).
WITH moved AS (
    UPDATE checkpoints SET state = :state, waiting_at = :waitingAt, updated_at = now()
    WHERE execution_id = :id
)
UPDATE executions SET definition_hash = :hash WHERE id = :id

INSERT INTO signals (execution_id, name, payload)
VALUES (:id, :name, :payload)
RETURNING id

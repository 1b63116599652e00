-- The checkpoint of an execution this transaction has locked (lock.sql): what the move maps.
SELECT state FROM checkpoints WHERE execution_id = :id

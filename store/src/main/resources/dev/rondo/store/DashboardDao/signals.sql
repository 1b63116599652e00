-- The signals sent to an execution (signals_by_execution), oldest first: buffered ones have no consumed_at.
SELECT id, name, sent_at, consumed_at FROM signals WHERE execution_id = :id ORDER BY id LIMIT :limit

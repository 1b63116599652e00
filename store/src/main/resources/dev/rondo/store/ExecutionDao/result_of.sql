SELECT id AS execution_id, status, result AS result_json, error AS error_json
FROM executions
WHERE id = :id

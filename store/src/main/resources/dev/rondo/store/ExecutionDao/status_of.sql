SELECT status FROM executions WHERE id = :id

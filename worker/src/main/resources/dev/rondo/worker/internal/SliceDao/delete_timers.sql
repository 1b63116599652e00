DELETE FROM timers WHERE execution_id = :id AND promise = ANY(CAST(:promises AS integer[]))

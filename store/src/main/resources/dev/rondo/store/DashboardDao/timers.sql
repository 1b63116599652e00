-- An execution's armed timers (primary key order), soonest first.
SELECT promise, fire_at FROM timers WHERE execution_id = :id ORDER BY fire_at, promise

-- Which of these held items belong to an execution whose cancellation was requested (read-only, so it
-- can run every second without adding dead rows to the hot table the way a lease renewal does).
SELECT q.id
FROM queue_items q
JOIN executions e ON e.id = q.execution_id
WHERE q.id = ANY(CAST(:items AS bigint[])) AND e.cancel_requested

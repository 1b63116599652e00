-- Named limits by name (all of them, or the one named :name when it is given), with how much work waits
-- on each right now.
SELECT l.name, l.kind, l.value, l.declared_for, l.updated_at,
       (SELECT count(*) FROM concurrency_waiting w WHERE w.limit_name = l.name) AS waiting
FROM limits l
WHERE CAST(:name AS text) IS NULL OR l.name = :name
ORDER BY l.name

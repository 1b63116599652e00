INSERT INTO log_lines (execution_id, seq, line)
SELECT :id, coalesce((SELECT max(seq) FROM log_lines WHERE execution_id = :id), 0) + l.n, l.line
FROM unnest(CAST(:lines AS text[])) WITH ORDINALITY AS l(line, n)

INSERT INTO history (execution_id, seq, kind, detail)
SELECT :id, coalesce((SELECT max(seq) FROM history WHERE execution_id = :id), 0) + h.n, h.kind, h.detail
FROM unnest(CAST(:kinds AS text[]), CAST(:details AS text[])) WITH ORDINALITY AS h(kind, detail, n)

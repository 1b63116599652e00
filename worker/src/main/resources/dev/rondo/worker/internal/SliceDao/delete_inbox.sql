DELETE FROM inbox WHERE id = ANY(CAST(:ids AS bigint[]))

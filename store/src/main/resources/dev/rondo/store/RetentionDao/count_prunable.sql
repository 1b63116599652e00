-- What prune_batch would delete, counted without deleting or locking (--dry-run): finished top-level
-- executions older than :cutoff whose trees have no unfinished execution.
WITH RECURSIVE roots AS (
    SELECT r.id
    FROM executions r
    WHERE r.root_finished_at < :cutoff
      AND r.status IN ('completed', 'failed', 'cancelled', 'terminated')
      AND (CAST(:workflow AS text) IS NULL OR r.name = :workflow)
), tree AS (
    SELECT id AS root, id, true AS finished FROM roots
    UNION ALL
    SELECT tree.root, c.id, c.finished_at IS NOT NULL
    FROM executions c JOIN tree ON c.parent_id = tree.id
)
SELECT count(*) FROM roots
WHERE id NOT IN (SELECT root FROM tree WHERE NOT finished)

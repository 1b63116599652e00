-- One batch of retention: up to :limit finished top-level executions that finished before :cutoff, the
-- oldest after the cursor (:afterTime, :afterId) first, read through executions_finished_roots
-- (V18: over root_finished_at, a top-level execution's finished_at). SKIP LOCKED
-- leaves a root that a worker (a late wake-up) or another pruner holds to a later run, so nobody waits.
-- A root is deleted with its whole tree (its child workflows and tasks, found by parent_id, with their
-- inbox, history and checkpoint_history rows, which have no foreign key; checkpoints, timers, signals and log lines go by ON
-- DELETE CASCADE) unless some execution in the tree has not finished: a child workflow or task left
-- running keeps the tree. Queue items have no foreign key: a finished tree can still
-- have a late wake-up (an outcome that arrived as the workflow ended); an unclaimed one goes here, through
-- queue_items_one_unclaimed; one a worker has claimed meanwhile is dropped by that worker, which finds
-- the execution gone.
-- Returns the roots examined (kept ones too, so the caller's cursor moves past them), the roots deleted
-- and the cursor's next position.
WITH RECURSIVE roots AS (
    SELECT r.id, r.root_finished_at AS finished_at
    FROM executions r
    WHERE r.root_finished_at < :cutoff
      AND (r.root_finished_at, r.id) > (coalesce(CAST(:afterTime AS timestamptz), '-infinity'), coalesce(CAST(:afterId AS text), ''))
      AND r.status IN ('completed', 'failed', 'cancelled', 'terminated')
      AND (CAST(:workflow AS text) IS NULL OR r.name = :workflow)
    ORDER BY r.root_finished_at, r.id
    LIMIT :limit
    FOR UPDATE SKIP LOCKED
), tree AS (
    SELECT id AS root, id, true AS finished FROM roots
    UNION ALL
    SELECT tree.root, c.id, c.finished_at IS NOT NULL
    FROM executions c JOIN tree ON c.parent_id = tree.id
), doomed AS (
    SELECT id FROM roots
    WHERE id NOT IN (SELECT root FROM tree WHERE NOT finished)
), doomed_tree AS (
    SELECT id FROM tree WHERE root IN (SELECT id FROM doomed)
), items AS (
    DELETE FROM queue_items q
    WHERE q.lease_owner IS NULL AND q.execution_id IN (SELECT id FROM doomed_tree)
), messages AS (
    DELETE FROM inbox WHERE execution_id IN (SELECT id FROM doomed_tree)
), events AS (
    DELETE FROM history WHERE execution_id IN (SELECT id FROM doomed_tree)
), steps AS (
    DELETE FROM checkpoint_history WHERE execution_id IN (SELECT id FROM doomed_tree)
), deleted AS (
    DELETE FROM executions e
    WHERE e.id IN (SELECT id FROM doomed_tree)
    RETURNING e.id, e.parent_id
), debounced AS (
    -- the debounce window of a pruned run is closed (its run finished): its key's row goes with it
    DELETE FROM debounces d WHERE d.execution_id IN (SELECT id FROM deleted WHERE parent_id IS NULL)
), last AS (
    SELECT finished_at, id FROM roots ORDER BY finished_at DESC, id DESC LIMIT 1
)
SELECT (SELECT count(*) FROM roots) AS examined,
       (SELECT count(*) FROM deleted WHERE parent_id IS NULL) AS deleted,
       (SELECT finished_at FROM last) AS last_finished_at,
       (SELECT id FROM last) AS last_id

-- The fair claim (docs/scheduling.md, "Fairness"): claim.sql for a queue that has keyed items (the worker
-- asks for it only then). Up to :limit due, unleased items, taken in turns among the queue's fairness keys,
-- unkeyed work counting as one more key, '' (a fairness key is never empty), first in the circle.
--  * turns: a loose index scan over queue_items_fair, one probe per key, walks the keys that have a due item
--    in order, starting after :cursor (the key this worker served last; null: from the start), wrapping
--    around to '' and the first keys, never past :cursor, at most :limit keys. :used items of :cursor were
--    taken in its current round: fewer than its weight, it goes first again to finish its round.
--  * picks: each turn's key gives up to ceil(:limit / keys) × weight items (at most :limit), its highest
--    priority first, then oldest, locked FOR UPDATE SKIP LOCKED as in claim.sql.
--  * the claim keeps :limit of them by priority, then round (a key's weight of items per round), then turn:
--    among the keys of this walk priority comes first; within a priority, every key gets its weight's share
--    of each round. (A key beyond the walk waits for its turn whatever its priority: docs/scheduling.md.)
-- Each item comes back with its key, round, turn and place within its key, from which the worker takes its
-- next :cursor and :used, and whether the queue had due keyed items (none: the worker goes back to
-- claim.sql). The database decides the items (SKIP LOCKED); the cursor only decides whose turn comes first,
-- so claims of many workers side by side stay exact: nothing is claimed twice or left over.
-- A key's weight is its first waiting item's (its executions', normally all alike).
WITH RECURSIVE head AS (
    -- the start of the circle: unkeyed work if any is due, else the first key with a due item
    SELECT key, weight FROM (
        SELECT '' AS key, 1 AS weight, 0 AS o
        -- in the claim index's order, not EXISTS: the planner would take a sequential scan for an EXISTS
        -- it thinks many rows match, and read the whole table when none does
        WHERE (SELECT id FROM queue_items
               WHERE queue = :queue AND lease_owner IS NULL AND fair_key IS NULL AND run_at <= now()
               ORDER BY priority DESC, run_at, id LIMIT 1) IS NOT NULL
        UNION ALL
        (SELECT fair_key, coalesce(fair_weight, 1), 1 FROM queue_items
         WHERE queue = :queue AND lease_owner IS NULL AND fair_key IS NOT NULL AND run_at <= now()
         ORDER BY fair_key, priority DESC, run_at, id LIMIT 1)
    ) h ORDER BY o LIMIT 1
), resumed AS (
    -- :cursor with its round unfinished and a due item left goes first
    SELECT fair_key AS key, coalesce(fair_weight, 1) AS weight FROM queue_items
    WHERE queue = :queue AND lease_owner IS NULL AND fair_key = CAST(:cursor AS text) AND run_at <= now()
      AND CAST(:used AS integer) > 0
    ORDER BY priority DESC, run_at, id LIMIT 1
), first AS (
    SELECT key, weight, used, phase FROM (
        SELECT key, weight, CAST(:used AS integer) AS used, 1 AS phase, 0 AS o FROM resumed
        WHERE CAST(:used AS integer) < weight
        UNION ALL
        (SELECT fair_key, coalesce(fair_weight, 1), 0, 1, 1 FROM queue_items
         WHERE queue = :queue AND lease_owner IS NULL AND fair_key IS NOT NULL AND run_at <= now()
           AND fair_key > CAST(:cursor AS text)
         ORDER BY fair_key, priority DESC, run_at, id LIMIT 1)
        UNION ALL
        -- no key after the cursor: the circle starts again (phase 2, up to the cursor)
        SELECT key, weight, 0, CASE WHEN CAST(:cursor AS text) IS NULL THEN 1 ELSE 2 END, 2 FROM head
        WHERE CAST(:cursor AS text) IS NULL OR key <= CAST(:cursor AS text)
    ) f
    WHERE NOT EXISTS (SELECT 1 FROM paused_queues p WHERE p.queue = :queue)
    ORDER BY o LIMIT 1
), turns(key, weight, used, phase, turn) AS (
    SELECT key, weight, used, phase, 1 FROM first
    UNION ALL
    SELECT n.key, n.weight, 0, n.phase, t.turn + 1
    FROM turns t
    CROSS JOIN LATERAL (
        SELECT key, weight, phase FROM (
            (SELECT fair_key AS key, coalesce(fair_weight, 1) AS weight, 1 AS phase, 0 AS o FROM queue_items
             WHERE queue = :queue AND lease_owner IS NULL AND fair_key IS NOT NULL AND run_at <= now()
               AND fair_key > t.key AND t.phase = 1
             ORDER BY fair_key, priority DESC, run_at, id LIMIT 1)
            UNION ALL
            (SELECT fair_key, coalesce(fair_weight, 1), 2, 0 FROM queue_items
             WHERE queue = :queue AND lease_owner IS NULL AND fair_key IS NOT NULL AND run_at <= now()
               AND fair_key > t.key AND fair_key <= CAST(:cursor AS text) AND t.phase = 2
             ORDER BY fair_key, priority DESC, run_at, id LIMIT 1)
            UNION ALL
            SELECT key, weight, 2, 1 FROM head
            WHERE t.phase = 1 AND CAST(:cursor AS text) IS NOT NULL AND key <= CAST(:cursor AS text)
        ) c
        ORDER BY o LIMIT 1
    ) n
    WHERE t.turn < :limit
      -- a resumed cursor had its turn first: the circle ends before it
      AND NOT (n.phase = 2 AND n.key = CAST(:cursor AS text) AND EXISTS (SELECT 1 FROM first WHERE used > 0))
), shared AS (
    SELECT key, weight, used, turn,
           least(:limit, ceil(CAST(:limit AS numeric) / count(*) OVER ()) * weight) AS share
    FROM turns
), picked AS (
    SELECT p.id, p.priority, p.run_at, s.key, s.weight, s.used, s.turn
    FROM shared s
    CROSS JOIN LATERAL (
        SELECT id, priority, run_at FROM queue_items
        WHERE queue = :queue AND lease_owner IS NULL AND fair_key = s.key AND run_at <= now()
          AND (NOT :workflowsOnly OR EXISTS (SELECT 1 FROM executions e
                                             WHERE e.id = queue_items.execution_id AND e.kind = 'workflow'))
        ORDER BY priority DESC, run_at, id
        LIMIT s.share
        FOR UPDATE SKIP LOCKED
    ) p
    WHERE s.key <> ''
    UNION ALL
    SELECT p.id, p.priority, p.run_at, '', 1, 0, s.turn
    FROM shared s
    CROSS JOIN LATERAL (
        SELECT id, priority, run_at FROM queue_items
        WHERE queue = :queue AND lease_owner IS NULL AND fair_key IS NULL AND run_at <= now()
          AND (NOT :workflowsOnly OR EXISTS (SELECT 1 FROM executions e
                                             WHERE e.id = queue_items.execution_id AND e.kind = 'workflow'))
        ORDER BY priority DESC, run_at, id
        LIMIT s.share
        FOR UPDATE SKIP LOCKED
    ) p
    WHERE s.key = ''
), placed AS (
    -- place: the item's place within its key's picks (1, 2, …), counting the :used of a resumed round
    SELECT id, priority, key, weight, turn,
           row_number() OVER (PARTITION BY turn ORDER BY priority DESC, run_at, id) + used AS place
    FROM picked
), kept AS (
    SELECT id, key, turn, place, (place - 1) / weight AS round
    FROM placed
    ORDER BY priority DESC, (place - 1) / weight, turn
    LIMIT :limit
), claimed AS (
    -- by id and by execution id through their indexes whatever the plan (a generic plan, not knowing :limit,
    -- would otherwise hash whole tables)
    UPDATE queue_items q
    SET lease_owner = :owner, lease_expires_at = now() + make_interval(secs => :leaseSeconds)
    WHERE q.id = ANY(ARRAY(SELECT id FROM kept))
    RETURNING q.id, q.execution_id, q.fair_weight
)
SELECT c.id AS item_id, c.execution_id, e.kind, e.name, e.input, e.attempt, e.options, e.parent_id,
       e.cancel_requested, e.finished_at IS NOT NULL AS finished, e.trace_context,
       k.key AS fair_key, coalesce(c.fair_weight, 1) AS fair_weight, k.round AS fair_round, k.turn AS fair_turn,
       k.place AS fair_place,
       coalesce((SELECT run_at FROM queue_items
                 WHERE queue = :queue AND lease_owner IS NULL AND fair_key IS NOT NULL
                 ORDER BY run_at LIMIT 1) <= now(), false) AS keyed
FROM claimed c
JOIN kept k ON k.id = c.id
LEFT JOIN LATERAL (SELECT * FROM executions x WHERE x.id = c.execution_id) e ON true

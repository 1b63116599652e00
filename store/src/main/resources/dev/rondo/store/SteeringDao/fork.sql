-- A fork: a new top-level execution of the origin's workflow and version, with its input, queue, priority and
-- attributes, waiting at the checkpoint it was forked from (set next), and a link to where it came from.
-- Returns nothing when the id is taken.
INSERT INTO executions (id, kind, name, definition_hash, queue, priority, status, input, attributes, started_at,
                        forked_from, forked_at_step, fair_key, fair_weight)
SELECT :newId, 'workflow', o.name, o.definition_hash, o.queue, o.priority, 'waiting', o.input, o.attributes, now(),
       o.id, CAST(:step AS integer), o.fair_key, o.fair_weight
FROM executions o
WHERE o.id = :origin
ON CONFLICT (id) DO NOTHING
RETURNING id

-- An operator's action on an execution (docs/operations.md), in its history next to what the engine did:
-- kind 'operator.<action>', detail a JSON object with who asked ("by") and what the action did. Written in
-- the transaction of the action itself, so the history never claims an action that did not commit.
INSERT INTO history (execution_id, seq, kind, detail)
SELECT :id, coalesce((SELECT max(seq) FROM history WHERE execution_id = :id), 0) + 1,
       'operator.' || :action, :detail

-- The signal of a startOrSignal (docs/java.md, "Signal-with-start"), in the transaction that started the
-- execution or locked it. sent_at is the clock's time at this insert, not the transaction's start
-- (now()): a startOrSignal in a caller's transaction that began before another call started the
-- execution and signalled it, or that waited on the id's index entry for that start to commit, sends its
-- signal after that one; with now() its sent_at would be the earlier, and the workflow (which takes
-- signals by sent_at, then id: SliceDao/pending_outcomes.sql) would see it first.
INSERT INTO signals (execution_id, name, payload, sent_at)
VALUES (:id, :name, :payload, clock_timestamp())
RETURNING id

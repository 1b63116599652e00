-- Exactly once: the update commits with the checkpoint that used the signals.
UPDATE signals SET consumed_at = now() WHERE id = ANY(CAST(:ids AS bigint[])) AND consumed_at IS NULL

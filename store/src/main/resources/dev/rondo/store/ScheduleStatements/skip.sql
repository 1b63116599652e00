-- A fire time the overlap policy skipped (the run before still going), recorded so describe shows it.
INSERT INTO schedule_fires (schedule, fire_at, reason, outcome)
VALUES (:schedule, CAST(:fireAt AS timestamptz), :reason, 'skipped')
ON CONFLICT (schedule, fire_at) DO NOTHING

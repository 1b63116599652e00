-- A deploy's schedules.json manages the schedules it declared for the workflows it deploys: those of
-- these workflows that the file no longer declares go. Schedules made by the client or the command line
-- are never touched by a deploy.
DELETE FROM schedules
WHERE declared AND workflow = ANY (CAST(:workflows AS text[])) AND NOT (name = ANY (CAST(:keep AS text[])))
RETURNING name

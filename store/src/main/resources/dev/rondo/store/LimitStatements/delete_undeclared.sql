-- A deploy's limits.json manages the limits declared with the workflows it deploys: those the file no
-- longer names go (work waiting on one keeps the number it started with, see V16). Limits set by hand are
-- never touched by a deploy.
DELETE FROM limits
WHERE declared_for && CAST(:workflows AS text[]) AND NOT (name = ANY (CAST(:keep AS text[])))
RETURNING name

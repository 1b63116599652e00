-- Deletes a limit set by hand; returns whether it existed and whether a limits.json declares it (then it
-- is kept: the file is where it is changed).
WITH found AS (
    SELECT name, declared_for IS NOT NULL AS declared FROM limits WHERE name = :name
), deleted AS (
    DELETE FROM limits WHERE name = :name AND declared_for IS NULL RETURNING name
)
SELECT EXISTS (SELECT 1 FROM found) AS existed, coalesce((SELECT declared FROM found), false) AS declared,
       EXISTS (SELECT 1 FROM deleted) AS deleted

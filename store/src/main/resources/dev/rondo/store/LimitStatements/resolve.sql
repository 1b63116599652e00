-- The current kind and value of the named limits a slice's tasks or a start refer to.
SELECT name, kind, value FROM limits WHERE name = ANY (CAST(:names AS text[]))

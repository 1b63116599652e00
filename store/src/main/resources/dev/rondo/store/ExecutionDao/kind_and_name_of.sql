-- The kind and name of the execution that holds an id, read after a start found the id taken by a start
-- that committed while it waited (not in that statement's snapshot).
SELECT kind, name FROM executions WHERE id = :id

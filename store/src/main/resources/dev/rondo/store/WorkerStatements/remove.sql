-- A clean shutdown: the worker serves nothing any more.
DELETE FROM workers WHERE id = :id

-- Rows of workers that died without deleting theirs, once no longer useful to describe()'s hint.
DELETE FROM workers WHERE last_seen < now() - make_interval(secs => :olderThanSeconds)

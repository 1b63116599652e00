-- Rows of workers that died without deleting theirs, once no longer useful to describe()'s hint; and the
-- dashboard's finished counters (queue_throughput, V18) older than the two hours anything reads of them.
-- One statement, so an idle worker sends no more than before. Returns how many worker rows went.
WITH old_counters AS (
    DELETE FROM queue_throughput WHERE bucket < now() - interval '2 hours'
)
DELETE FROM workers WHERE last_seen < now() - make_interval(secs => :olderThanSeconds)

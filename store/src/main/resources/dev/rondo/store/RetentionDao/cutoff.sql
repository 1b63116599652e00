-- The run's cutoff, fixed once on the database's clock: executions finished before it may go.
SELECT now() - make_interval(secs => :olderThanSeconds)

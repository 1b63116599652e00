-- The database's clock: fire times are computed from it, never from the JVM's.
SELECT clock_timestamp()

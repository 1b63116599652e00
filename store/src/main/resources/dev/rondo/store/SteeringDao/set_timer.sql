-- A timer a rewound or forked checkpoint waits on, at its original due time (a due time in the past fires at
-- once); one that still waits is left as it is.
INSERT INTO timers (execution_id, promise, fire_at)
VALUES (:id, :promise, CASE WHEN CAST(:fireAtMillis AS bigint) = 9223372036854775807 THEN timestamptz 'infinity'
                            ELSE to_timestamp(CAST(:fireAtMillis AS bigint) / 1000.0) END)
ON CONFLICT (execution_id, promise) DO NOTHING

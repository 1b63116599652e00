-- Creates a schedule; nothing when the name is taken (the caller says so). Wakes the firers.
WITH inserted AS (
    INSERT INTO schedules (name, workflow, queue, cron, every_seconds, time_zone, input, overlap, catchup,
                           paused, declared, anchor, next_fire_at)
    VALUES (:name, :workflow, :queue, CAST(:cron AS text), CAST(:everySeconds AS bigint), :timeZone, :input, :overlap, :catchup,
            :paused, false, CAST(:anchor AS timestamptz), CAST(:nextFireAt AS timestamptz))
    ON CONFLICT (name) DO NOTHING
    RETURNING name
)
SELECT count(pg_notify({{schedules_channel}}, name)) > 0 AS inserted FROM inserted

-- Pauses, or resumes with the next fire time after now (the times missed while paused are not run).
-- Returns whether the schedule exists. Wakes the firers.
WITH changed AS (
    UPDATE schedules SET paused = :paused, next_fire_at = CASE WHEN :paused THEN next_fire_at ELSE CAST(:nextFireAt AS timestamptz) END,
                         updated_at = now()
    WHERE name = :name
    RETURNING name
)
SELECT count(pg_notify({{schedules_channel}}, name)) > 0 FROM changed

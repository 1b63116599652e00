-- Creates a schedule, or changes one (a deploy's schedules.json, or create with replace). A change of
-- when it fires (cron, interval, zone) takes the new first fire time and anchor; any other change (input,
-- overlap, ...) keeps the fire time it had, so redeploying the same file moves nothing. Wakes the firers.
-- Returns whether a row was inserted (false: one was changed); no row when a declared schedule has the
-- name of one made by hand.
WITH upserted AS (
    INSERT INTO schedules AS s (name, workflow, queue, cron, every_seconds, time_zone, input, overlap, catchup,
                                paused, declared, anchor, next_fire_at)
    VALUES (:name, :workflow, :queue, CAST(:cron AS text), CAST(:everySeconds AS bigint), :timeZone, :input, :overlap, :catchup,
            false, :declared, CAST(:anchor AS timestamptz), CAST(:nextFireAt AS timestamptz))
    ON CONFLICT (name) DO UPDATE
    SET workflow = excluded.workflow, queue = excluded.queue, input = excluded.input, overlap = excluded.overlap,
        catchup = excluded.catchup, declared = excluded.declared, updated_at = now(),
        next_fire_at = CASE WHEN (s.cron, s.every_seconds, s.time_zone)
                                 IS DISTINCT FROM (excluded.cron, excluded.every_seconds, excluded.time_zone)
                            THEN excluded.next_fire_at ELSE s.next_fire_at END,
        anchor = CASE WHEN (s.cron, s.every_seconds, s.time_zone)
                           IS DISTINCT FROM (excluded.cron, excluded.every_seconds, excluded.time_zone)
                      THEN excluded.anchor ELSE s.anchor END,
        cron = excluded.cron, every_seconds = excluded.every_seconds, time_zone = excluded.time_zone
    -- a deploy never takes over a schedule made by hand (no row: the caller refuses the deploy)
    WHERE s.declared OR NOT excluded.declared
    RETURNING (xmax = 0) AS inserted
)
SELECT inserted, pg_notify({{schedules_channel}}, :name) IS NOT NULL AS notified FROM upserted

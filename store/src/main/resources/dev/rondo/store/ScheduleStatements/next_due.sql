-- Milliseconds (fractional) until the earliest fire time of a schedule that is not paused (negative when
-- one is due), null when none will fire; read through schedules_due. buffered says whether some schedule
-- waits for a run to end (overlap 'buffer'): the firer then looks again on its poll.
SELECT (SELECT EXTRACT(EPOCH FROM min(next_fire_at) - clock_timestamp()) * 1000
        FROM schedules WHERE NOT paused) AS millis,
       EXISTS (SELECT 1 FROM schedules WHERE NOT paused AND buffered_fire_at IS NOT NULL) AS buffered

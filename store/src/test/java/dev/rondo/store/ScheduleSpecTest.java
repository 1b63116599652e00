package dev.rondo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fire times: five and six fields, intervals, and the daylight-saving rule of a wall-clock schedule. */
class ScheduleSpecTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");

    private static List<Instant> fires(ScheduleSpec spec, Instant after, int n) {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            after = spec.nextAfter(after, ANCHOR).orElseThrow();
            out.add(after);
        }
        return out;
    }

    private static Instant berlin(int month, int day, int hour, int minute, String offset) {
        return Instant.parse(String.format("2026-%02d-%02dT%02d:%02d:00%s", month, day, hour, minute, offset));
    }

    @Test
    void fiveFieldsReadMinutesAndSixFieldsReadSecondsFirst() {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        assertEquals(List.of(Instant.parse("2026-12-07T10:15:00Z"), Instant.parse("2026-12-07T10:30:00Z")),
                fires(ScheduleSpec.cron("*/15 * * * *", "UTC"), at, 2));
        assertEquals(List.of(Instant.parse("2026-12-07T10:00:05Z"), Instant.parse("2026-12-07T10:00:10Z")),
                fires(ScheduleSpec.cron("*/5 * * * * *", null), at, 2));
    }

    @Test
    void aDailyTimeTheClocksSkipRunsOnceThatDayShiftedByTheGap() {
        // 2026-03-29: Berlin's clocks jump from 02:00 to 03:00, so 02:30 does not exist that day
        assertEquals(List.of(berlin(3, 28, 2, 30, "+01:00"), berlin(3, 29, 3, 30, "+02:00"), berlin(3, 30, 2, 30, "+02:00")),
                fires(ScheduleSpec.cron("30 2 * * *", "Europe/Berlin"), berlin(3, 27, 12, 0, "+01:00"), 3));
    }

    @Test
    void aDailyTimeTheClocksRepeatRunsOnceAtItsFirstOccurrence() {
        // 2026-10-25: 02:00-03:00 happens twice in Berlin
        assertEquals(List.of(berlin(10, 24, 2, 30, "+02:00"), berlin(10, 25, 2, 30, "+02:00"), berlin(10, 26, 2, 30, "+01:00")),
                fires(ScheduleSpec.cron("30 2 * * *", "Europe/Berlin"), berlin(10, 23, 12, 0, "+02:00"), 3));
        // asked from inside the second occurrence of the hour, it does not fire that hour again
        Instant secondPass = ZonedDateTime.of(2026, 10, 25, 2, 40, 0, 0, BERLIN).withLaterOffsetAtOverlap().toInstant();
        assertEquals(berlin(10, 26, 2, 30, "+01:00"),
                ScheduleSpec.cron("30 2 * * *", "Europe/Berlin").nextAfter(secondPass, ANCHOR).orElseThrow());
    }

    @Test
    void theSameWallClockTimeIsADifferentInstantInEachZone() {
        Instant after = Instant.parse("2026-07-01T00:00:00Z");
        assertEquals(Instant.parse("2026-07-01T07:00:00Z"),
                ScheduleSpec.cron("0 9 * * *", "Europe/Berlin").nextAfter(after, ANCHOR).orElseThrow());
        assertEquals(Instant.parse("2026-07-01T13:00:00Z"),
                ScheduleSpec.cron("0 9 * * *", "America/New_York").nextAfter(after, ANCHOR).orElseThrow());
    }

    @Test
    void anIntervalCountsFromItsAnchorInElapsedTime() {
        ScheduleSpec every = ScheduleSpec.every(90);
        assertEquals(List.of(ANCHOR.plusSeconds(90), ANCHOR.plusSeconds(180)), fires(every, ANCHOR, 2));
        assertEquals(ANCHOR.plusSeconds(90 * 1001), every.nextAfter(ANCHOR.plusSeconds(90 * 1000).plusMillis(1), ANCHOR).orElseThrow());
        assertEquals(ANCHOR.plusSeconds(90 * 1001), every.nextAfter(ANCHOR.plusSeconds(90 * 1000), ANCHOR).orElseThrow());
    }

    @Test
    void anExpressionThatNeverMatchesHasNoNextFireTime() {
        assertTrue(ScheduleSpec.cron("0 0 30 2 *", "UTC").nextAfter(ANCHOR, ANCHOR).isEmpty());
    }

    @Test
    void badExpressionsZonesAndIntervalsSayWhatToChange() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.cron("61 * * * *", "UTC")).getMessage()
                .contains("61 not in range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.cron("* * *", "UTC")).getMessage()
                .contains("has 3 fields; give 5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.cron("", "UTC")).getMessage()
                .contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.cron("0 2 * * *", "Mars/Olympus")).getMessage()
                .contains("Unknown time zone 'Mars/Olympus'"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.every(0));
        assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.every(ScheduleSpec.MAX_EVERY_SECONDS + 1));
    }
}

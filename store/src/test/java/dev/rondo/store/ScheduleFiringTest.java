package dev.rondo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.migrations.Migrations;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Firing against PostgreSQL: exactly one start per fire time, the overlap policies, catch-up and backfill. */
class ScheduleFiringTest {

    private static DataSource db;

    @BeforeAll
    static void schema() throws SQLException {
        db = TestDatabase.freshSchema("schedule_firing");
        Migrations.apply(db);
        Sql.execute(db, "INSERT INTO flow_definitions (name, hash, source, ast) VALUES ('w', 'h1', 'x', '{}')",
                "INSERT INTO flow_heads (name, hash) VALUES ('w', 'h1')");
    }

    /** A schedule every {@code every} seconds whose first fire time was {@code missed} periods ago. */
    private static void create(String name, long every, int missed, String overlap, int catchup) throws SQLException {
        inTransaction(c -> {
            Instant now = ScheduleStatements.now(c);
            Instant anchor = now.minusSeconds(every * missed).minusMillis(500);
            ScheduleStatements.insert(c, new ScheduleStatements.Definition(name, "w", "default", null, every, "UTC", "{}",
                    overlap, catchup), false, anchor, anchor.plusSeconds(every));
            return null;
        });
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            return result;
        }
    }

    private static List<String> rows(String query) throws SQLException {
        return Sql.rows(db, query);
    }

    private static void fire() throws SQLException {
        inTransaction(c -> ScheduleFiring.fireDue(c, 100));
    }

    @Test
    void manyFirersStartEachFireTimeExactlyOnce() throws Exception {
        create("many", 1, 40, "allow", 1_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> firers = new ArrayList<>();
        long until = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; i < 8; i++) {
            firers.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    inTransaction(c -> ScheduleFiring.fireDue(c, 10));
                }
                return null;
            }));
        }
        for (Future<?> f : firers) {
            f.get();
        }
        pool.shutdown();
        List<String> fires = rows("SELECT count(*) || '|' || count(DISTINCT fire_at)"
                + " FROM schedule_fires WHERE schedule = 'many' AND outcome = 'started'");
        String[] counts = fires.get(0).split("\\|");
        assertTrue(Integer.parseInt(counts[0]) >= 42, fires.toString());
        assertEquals(counts[0], counts[1], "no fire time twice");
        List<String> check = rows("""
                SELECT ((SELECT count(*) FROM schedule_fires WHERE schedule = 'many')
                     = (SELECT count(*) FROM executions WHERE id LIKE 'many@%' AND scheduled_at IS NOT NULL)) || '|' ||
                       (SELECT count(*) FROM executions e WHERE id LIKE 'many@%'
                          AND NOT EXISTS (SELECT 1 FROM schedule_fires f WHERE f.execution_id = e.id AND f.fire_at = e.scheduled_at)) || '|' ||
                       (SELECT count(*) FROM (SELECT fire_at - lag(fire_at) OVER (ORDER BY fire_at) AS step
                                              FROM schedule_fires WHERE schedule = 'many') s WHERE step <> interval '1 s')""");
        assertEquals(List.of("true|0|0"), check, "one execution per fire time, consecutive seconds, no gaps");
    }

    @Test
    void afterDowntimeOneMissedRunIsCaughtUpByDefaultAtTheNewestMissedTime() throws SQLException {
        create("catchup", 60, 10, "skip", 1);
        fire();
        assertEquals(List.of("1"), rows("SELECT count(*) FROM schedule_fires WHERE schedule = 'catchup'"));
        assertEquals(List.of("t"), rows("SELECT f.fire_at = s.next_fire_at - interval '60 s' AND s.next_fire_at > now()"
                + " FROM schedule_fires f JOIN schedules s ON s.name = f.schedule WHERE f.schedule = 'catchup'"));
    }

    @Test
    void skipRecordsAFireTimeWhileTheLastRunGoesOn() throws SQLException {
        create("skip", 1, 3, "skip", 3);
        fire();
        assertEquals(List.of("started", "skipped", "skipped"),
                rows("SELECT outcome FROM schedule_fires WHERE schedule = 'skip' ORDER BY fire_at"));
    }

    @Test
    void bufferKeepsTheNewestFireTimeAndStartsItWhenTheRunEnds() throws SQLException {
        create("buffer", 1, 3, "buffer", 3);
        fire();
        assertEquals(List.of("started|1", "skipped|"), rows("SELECT outcome || '|' || CASE WHEN execution_id IS NOT NULL AND scheduled_at IS NOT NULL THEN '1' ELSE '' END"
                + " FROM schedule_fires f LEFT JOIN executions e ON e.id = f.execution_id WHERE schedule = 'buffer' ORDER BY fire_at")
                );
        assertEquals(List.of("t"), rows("SELECT buffered_fire_at IS NOT NULL FROM schedules WHERE name = 'buffer'"));
        fire(); // the run still goes on: the buffered time waits
        assertEquals(List.of("2"), rows("SELECT count(*) FROM schedule_fires WHERE schedule = 'buffer'"));
        Sql.execute(db, "UPDATE executions SET status = 'completed', finished_at = now() WHERE id LIKE 'buffer@%'");
        fire();
        assertEquals(List.of("started", "skipped", "started"),
                rows("SELECT outcome FROM schedule_fires WHERE schedule = 'buffer' ORDER BY fire_at"));
        assertEquals(List.of("t"), rows("SELECT buffered_fire_at IS NULL FROM schedules WHERE name = 'buffer'"));
    }

    @Test
    void cancelRequestsTheCancellationOfTheRunningOneAndStartsTheNext() throws SQLException {
        create("cancel", 1, 2, "cancel", 2);
        fire();
        assertEquals(List.of("t", "f"), rows("SELECT e.cancel_requested FROM schedule_fires f JOIN executions e"
                + " ON e.id = f.execution_id WHERE schedule = 'cancel' ORDER BY f.fire_at"));
    }

    @Test
    void backfillStartsEachFireTimeOfTheRangeOnceAndTriggerStartsNow() throws SQLException {
        create("backfill", 60, 0, "skip", 1);
        Instant now = inTransaction(ScheduleStatements::now);
        Instant anchor = Instant.parse(rows("SELECT to_char(anchor AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                + " FROM schedules WHERE name = 'backfill'").get(0));
        assertEquals(5, (int) inTransaction(c -> ScheduleFiring.backfill(c, "backfill", anchor.minusSeconds(300), anchor.minusSeconds(1))));
        assertEquals(0, (int) inTransaction(c -> ScheduleFiring.backfill(c, "backfill", anchor.minusSeconds(300), anchor.minusSeconds(1))));
        assertEquals(-1, (int) inTransaction(c -> ScheduleFiring.backfill(c, "nothing", anchor, now)));
        Optional<String> triggered = inTransaction(c -> ScheduleFiring.trigger(c, "backfill"));
        assertTrue(triggered.orElseThrow().startsWith("backfill@"), triggered.toString());
        assertEquals(List.of("backfill|5", "trigger|1"), rows("SELECT reason || '|' || count(*) FROM schedule_fires"
                + " WHERE schedule = 'backfill' GROUP BY reason ORDER BY reason"));
    }

    @Test
    void aWorkflowThatIsNotDeployedIsRecordedAndStartsNothing() throws SQLException {
        inTransaction(c -> {
            Instant now = ScheduleStatements.now(c);
            return ScheduleStatements.insert(c, new ScheduleStatements.Definition("ghost", "nope", "default", null, 60L,
                    "UTC", "{}", "allow", 1), false, now.minusSeconds(61), now.minusSeconds(1));
        });
        fire();
        assertEquals(List.of("not_deployed|true"), rows("SELECT outcome || '|' || (execution_id IS NULL) FROM schedule_fires WHERE schedule = 'ghost'"));
    }
}

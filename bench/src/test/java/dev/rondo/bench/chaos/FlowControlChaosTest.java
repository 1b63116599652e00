package dev.rondo.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.Overlap;
import dev.rondo.client.RondoClient;
import dev.rondo.client.Schedule;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrency keys and schedules under kill -9 and PostgreSQL restarts: three worker JVMs (concurrency 4,
 * lease 2 s) see a fault every 2-4 s for 30 s, every third a restart of PostgreSQL (immediate, as a crash,
 * and fast in turn), the others a kill -9 of one of them, started again half a second later. They run 180
 * tasks over three keys of limit 2 and a schedule firing every second. A run cut by a kill counts as running
 * until its worker's kill. Beside them, 100 tasks of one rate limit of 5 per second. Then: no key ever had
 * more than 2 runs at once, no 0.95 s window more than 5 admissions of the rate limit, every task and
 * workflow ended, and every fire time was started exactly once, with none missed.
 */
class FlowControlChaosTest {

    private static final int LIMIT = 2;
    /** Tasks of one rate limit, and the limit: they take some 20 s, through the faults. */
    private static final int PACED = 100;
    private static final int RATE = 5;

    @TempDir
    Path folder;

    @Test
    void limitsAndFireTimesHoldWhileWorkersAreKilled() throws Exception {
        try (EmbeddedServer server = new EmbeddedServer(folder); RondoClient client = RondoClient.connect(server.url(), 4)) {
            Path flows = Files.createDirectories(folder.resolve("flows"));
            Files.writeString(flows.resolve("keyed.flow"), """
                    const pending = []
                    for (let i = 0; i < Inputs.n; i++) {
                      const key = "k" + (i % 3)
                      pending.push(Task.run("hold", {i, key}, {concurrency: {key, limit: LIMIT}, maxAttempts: 50, backoff: {initial: 0.1, max: 1}}))
                    }
                    const done = await Promise.all(pending)
                    return done.length
                    """.replace("LIMIT", String.valueOf(LIMIT)));
            Files.writeString(flows.resolve("paced.flow"), """
                    const pending = []
                    for (let i = 0; i < Inputs.n; i++) {
                      pending.push(Task.run("paced", {i}, {rateLimit: {key: "paced", perSecond: RATE}}))
                    }
                    const done = await Promise.all(pending)
                    return done.length
                    """.replace("RATE", String.valueOf(RATE)));
            Files.writeString(flows.resolve("tick.flow"), "return Context.scheduledAt");
            client.deploy(flows);
            sql(client, "CREATE TABLE runs (key text, task text, attempt int, instance text, started_at timestamptz, ended_at timestamptz)",
                    "CREATE TABLE kills (instance text, at timestamptz)",
                    // each queue item's insert on the database's clock: a rate-limited task's first is its admission
                    "CREATE TABLE admissions (execution_id text, at timestamptz)",
                    """
                    CREATE FUNCTION record_admission() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      INSERT INTO admissions VALUES (NEW.execution_id, clock_timestamp());
                      RETURN NEW;
                    END $$""",
                    "CREATE TRIGGER record_admission AFTER INSERT ON queue_items FOR EACH ROW EXECUTE FUNCTION record_admission()");
            Workers workers = new Workers(server.url(), folder);
            try {
                for (int slot = 0; slot < 3; slot++) {
                    workers.start(slot);
                }
                // catch-up 100: a fire time a loaded machine fires late is still started (once), not passed over
                client.schedules().create(Schedule.cron("tick", "tick", "* * * * * *").withOverlap(Overlap.ALLOW_ALL).withCatchup(100));
                List<WorkflowHandle> runs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    runs.add(client.start("keyed", "{\"n\": 30}", StartOptions.DEFAULT));
                }
                WorkflowHandle paced = client.start("paced", "{\"n\": " + PACED + "}", StartOptions.DEFAULT);
                Random random = new Random(20261207L);
                int kills = 0;
                int restarts = 0;
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                for (int fault = 1; System.nanoTime() < end; fault++) {
                    Thread.sleep(2_000 + random.nextInt(2_000));
                    if (fault % 3 == 0) {
                        // every third fault cuts every session: the firers, the admitters and the handlers' records
                        long down = System.nanoTime();
                        server.restart(restarts++ % 2 == 0);
                        sqlUntilDone(client, "INSERT INTO kills VALUES ('restart', clock_timestamp() - make_interval(secs => "
                                + (System.nanoTime() - down) / 1e9 + "))");
                        continue;
                    }
                    int slot = random.nextInt(3);
                    String killed = workers.kill(slot);
                    sqlUntilDone(client, "INSERT INTO kills VALUES ('" + killed + "', clock_timestamp())");
                    kills++;
                    Thread.sleep(500);
                    workers.start(slot);
                }
                client.schedules().pause("tick");
                for (WorkflowHandle run : runs) {
                    assertEquals("30", run.result(Duration.ofMinutes(3)).resultJson(), "workflow " + run.id());
                }
                assertEquals(String.valueOf(PACED), paced.result(Duration.ofMinutes(3)).resultJson(), "workflow " + paced.id());
                Thread.sleep(1_500); // the last ticks finish
                String overlap = one(client, """
                        WITH closed AS (
                            SELECT r.key, r.started_at,
                                   coalesce(r.ended_at, (SELECT min(k.at) FROM kills k WHERE k.instance = r.instance
                                                         AND k.at >= r.started_at), 'infinity') AS ended_at
                            FROM runs r)
                        SELECT string_agg(key || '=' || most, ', ' ORDER BY key) FROM (
                            SELECT a.key, max((SELECT count(*) FROM closed b WHERE b.key = a.key
                                               AND b.started_at <= a.started_at AND b.ended_at > a.started_at)) AS most
                            FROM closed a GROUP BY a.key) m""");
                // a paced task's admission: its first queue item (a retry reuses the item; a rescue frees it)
                String admitted = """
                        SELECT min(a.at) AS at FROM admissions a JOIN executions e ON e.id = a.execution_id
                        WHERE e.name = 'paced' AND e.kind = 'task' GROUP BY a.execution_id""";
                // the window is counted from the clock the admission read under the key's lock; the trigger
                // reads it a little later in the same statement, so the check allows it 50 ms of that
                String mostAdmitted = one(client, "SELECT max((SELECT count(*) FROM (" + admitted + ") b WHERE b.at >= a.at"
                        + " AND b.at < a.at + interval '950 milliseconds')) FROM (" + admitted + ") a");
                String cut = one(client, "SELECT count(*) FROM runs WHERE ended_at IS NULL");
                String fires = one(client, "SELECT count(*) FROM schedule_fires WHERE schedule = 'tick' AND outcome = 'started'");
                String late = one(client, """
                        SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)) || ' / ' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms))
                               || ' / ' || round(max(ms)) FROM (SELECT EXTRACT(EPOCH FROM recorded_at - fire_at) * 1000 AS ms
                                                                FROM schedule_fires WHERE schedule = 'tick') l""");
                System.out.printf("FlowControlChaosTest: 3 worker JVMs, %d kill -9 and %d PostgreSQL restarts in 30 s; 180 tasks over 3 keys of limit %d,"
                                + " %s attempts (%s cut by a kill); max overlap per key %s; %s fire times started,"
                                + " fired after p50/p99/max %s ms; %d tasks at %d per second: most admissions in a 0.95 s window %s%n",
                        kills, restarts, LIMIT, one(client, "SELECT count(*) FROM runs"), cut, overlap, fires, late, PACED, RATE, mostAdmitted);
                for (String keyOverlap : overlap.split(", ")) {
                    if (Integer.parseInt(keyOverlap.substring(keyOverlap.indexOf('=') + 1)) > LIMIT) {
                        System.out.println(one(client, """
                                SELECT string_agg(x, E'\n' ORDER BY at) FROM (
                                  SELECT started_at AS at, 'run ' || task || ' #' || attempt || ' on ' || instance || ' '
                                         || to_char(started_at, 'HH24:MI:SS.MS') || ' - ' || coalesce(to_char(ended_at, 'HH24:MI:SS.MS'), 'cut')
                                         AS x FROM runs WHERE key = '""" + keyOverlap.substring(0, keyOverlap.indexOf('=')) + """
                                  '
                                  UNION ALL SELECT at, 'fault ' || instance || ' ' || to_char(at, 'HH24:MI:SS.MS') FROM kills) t"""));
                    }
                    assertTrue(Integer.parseInt(keyOverlap.substring(keyOverlap.indexOf('=') + 1)) <= LIMIT, overlap);
                }
                assertEquals(String.valueOf(PACED), one(client, "SELECT count(*) FROM (" + admitted + ") a"), "every paced task admitted");
                assertTrue(Integer.parseInt(mostAdmitted) <= RATE, "a 0.95 s window admitted " + mostAdmitted + " (limit " + RATE + ")");
                assertTrue(kills >= 4 && restarts >= 2, "kills: " + kills + ", restarts: " + restarts);
                assertEquals("180", one(client, "SELECT count(DISTINCT task) FROM runs WHERE ended_at IS NOT NULL"), "every task ran to its end");
                assertEquals("0", one(client, "SELECT count(*) FROM concurrency_waiting"));
                assertEquals(fires, one(client, "SELECT count(DISTINCT scheduled_at) FROM executions WHERE id LIKE 'tick@%'"),
                        "one run per fire time");
                assertEquals(fires, one(client, "SELECT count(*) FROM executions WHERE id LIKE 'tick@%'"), "no fire time twice");
                assertEquals("0", one(client, """
                        SELECT count(*) FROM (SELECT fire_at - lag(fire_at) OVER (ORDER BY fire_at) AS step
                                              FROM schedule_fires WHERE schedule = 'tick') s WHERE step <> interval '1 s'"""),
                        "no fire time missed");
                assertTrue(Integer.parseInt(fires) >= 28, "fires: " + fires);
            } finally {
                workers.close();
            }
        }
    }

    private static void sql(RondoClient client, String... statements) throws SQLException {
        try (Connection c = client.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** {@link #sql} again until it succeeds: the server may be coming back from a restart. */
    private static void sqlUntilDone(RondoClient client, String statement) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                sql(client, statement);
                return;
            } catch (SQLException e) {
                if (attempt == 100) {
                    throw new IllegalStateException(statement, e);
                }
                Thread.sleep(200);
            }
        }
    }

    private static String one(RondoClient client, String query) throws SQLException {
        try (Connection c = client.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The worker JVMs, one per slot; a killed slot's next process has a new instance name. */
    private static final class Workers implements AutoCloseable {
        private final String url;
        private final Path logs;
        private final Process[] processes = new Process[3];
        private final String[] instances = new String[3];
        private int generation;

        Workers(String url, Path logs) {
            this.url = url;
            this.logs = logs;
        }

        void start(int slot) throws IOException {
            String instance = "fc-w" + slot + "-" + (++generation);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            processes[slot] = new ProcessBuilder(java, "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), FlowControlWorker.class.getName(), url, instance, "4")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(instance + ".log").toFile()))
                    .start();
            instances[slot] = instance;
        }

        String kill(int slot) throws InterruptedException {
            processes[slot].destroyForcibly();
            processes[slot].waitFor(30, TimeUnit.SECONDS);
            return instances[slot];
        }

        @Override
        public void close() throws InterruptedException {
            for (Process p : processes) {
                if (p != null) {
                    p.destroyForcibly();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }
}

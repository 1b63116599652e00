package dev.rondo.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.dashboard.DashboardOptions;
import dev.rondo.dashboard.RondoDashboard;
import dev.rondo.store.DashboardDao;
import dev.rondo.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The dashboard's executions page over a million executions ({@code bench/run dashboard [RUNS [COUNT]]}):
 * the server time of each page (the {@code Server-Timing} the dashboard sends: from the request's arrival to
 * its whole body, rendered), median over each run's requests and then over the runs, beside its peer in the
 * same run: the page's listing statement alone, straight through jdbi on the same pool. Goal: under 200 ms.
 * The database is {@code RONDO_DASH_URL} (default {@code rondo_dash} on the local server, created when missing,
 * seeded once with {@code dashboard_seed.sql} and kept for later runs).
 */
public final class DashboardBench {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/rondo_dash?user=postgres";
    private static final int REQUESTS = 25;
    private static final Pattern DUR = Pattern.compile("dur=([0-9.]+)");
    private static final Pattern OLDER = Pattern.compile("href=\"(/executions\\?[^\"]*after=[^\"]+)\">Older");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        BenchDatabase db = BenchDatabase.fromEnvironment("RONDO_DASH_URL", DEFAULT_URL);
        db.createIfMissing();
        seed(db, count);
        try (HikariDataSource pool = db.pool("dashboard", 4);
             RondoDashboard dashboard = RondoDashboard.start(pool, DashboardOptions.DEFAULTS.withPort(0))) {
            HttpClient http = HttpClient.newHttpClient();
            Jdbi jdbi = Store.jdbi(pool);
            String deep = deepCursor(http, dashboard.uri());
            record Case(String name, String path, SqlPeer peer) {}
            List<Case> cases = List.of(
                    new Case("first page, no filter", "/executions", dao -> dao.executions(null, null, null, null, null, null, null, null, 50)),
                    new Case("status=failed", "/executions?status=failed", dao -> dao.executions("failed", null, null, null, null, null, null, null, 50)),
                    new Case("status=waiting", "/executions?status=waiting", dao -> dao.executions("waiting", null, null, null, null, null, null, null, 50)),
                    new Case("workflow=bench/refund", "/executions?workflow=bench/refund",
                            dao -> dao.executions(null, "bench/refund", null, null, null, null, null, null, 50)),
                    new Case("queue=mail", "/executions?queue=mail", dao -> dao.executions(null, null, "mail", null, null, null, null, null, 50)),
                    new Case("a day, 2 weeks back", "/executions?from=" + day(14) + "&to=" + day(13),
                            dao -> dao.executions(null, null, null, Instant.parse(day(14) + ":00Z"), Instant.parse(day(13) + ":00Z"), null, null, null, 50)),
                    new Case("page 3 (keyset)", deep, dao -> dao.executions(null, null, null, null, null, null, null, null, 50)),
                    // not a page: the counts the page's script fetches under a workflow filter (its budget: 300 ms)
                    new Case("counts, workflow filter", "/executions/counts?workflow=bench/refund",
                            dao -> dao.statusCounts("bench/refund", null, null, null, null, 1_001)));
            Medians medians = new Medians();
            for (int run = 1; run <= runs; run++) {
                for (Case c : cases) {
                    double[] page = new double[REQUESTS];
                    double[] sql = new double[REQUESTS];
                    for (int i = 0; i < REQUESTS; i++) {
                        page[i] = serverMillis(http, dashboard.uri().resolve(c.path));
                        long t0 = System.nanoTime();
                        jdbi.useTransaction(h -> {
                            h.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                            c.peer.run(h.attach(DashboardDao.class));
                        });
                        sql[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    medians.add(c.name + " page", Stats.median(page));
                    medians.add(c.name + " sql", Stats.median(sql));
                }
                System.err.printf("run %d/%d: first page %.1f ms%n", run, runs, medians.last("first page, no filter page"));
            }
            long total = (long) db.number("SELECT count(*) FROM executions");
            System.out.printf("Executions page over %,d executions: server time, median of %d runs × %d requests (goal < 200 ms)%n",
                    total, runs, REQUESTS);
            System.out.printf("%-26s %10s %14s %8s%n", "page", "server ms", "its SQL, ms", "ratio");
            for (Case c : cases) {
                double p = medians.of(c.name + " page");
                double s = medians.of(c.name + " sql");
                System.out.printf("%-26s %10.2f %14.2f %8.2f%n", c.name, p, s, p / s);
            }
        }
    }

    @FunctionalInterface
    private interface SqlPeer {
        void run(DashboardDao dao);
    }

    private static String day(int daysAgo) {
        return Instant.now().minusSeconds(daysAgo * 86_400L).toString().substring(0, 13) + ":00";
    }

    /** The address of the third page, reached by following "Older" twice. */
    private static String deepCursor(HttpClient http, URI base) throws Exception {
        String path = "/executions";
        for (int i = 0; i < 2; i++) {
            String body = http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = OLDER.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no Older link on " + path);
            }
            path = m.group(1).replace("&amp;", "&");
        }
        return path;
    }

    private static double serverMillis(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        Matcher m = DUR.matcher(response.headers().firstValue("Server-Timing").orElse(""));
        if (!m.find()) {
            throw new IllegalStateException(uri + " sent no Server-Timing");
        }
        return Double.parseDouble(m.group(1));
    }

    /** Seeds {@code count} executions unless the database already holds them (seeding takes about a minute). */
    private static void seed(BenchDatabase db, int count) throws Exception {
        try {
            if (db.number("SELECT count(*) FROM executions") == count) {
                try (HikariDataSource migrate = db.pool("migrate", 1)) {
                    dev.rondo.migrations.Migrations.apply(migrate);
                }
                return;
            }
        } catch (java.sql.SQLException noTableYet) {
            // a new database: seed it
        }
        System.err.printf("seeding %,d executions…%n", count);
        db.reset();
        String sql;
        try (InputStream in = DashboardBench.class.getResourceAsStream("/dev/rondo/bench/dashboard_seed.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(":count", Integer.toString(count));
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
            s.execute("VACUUM ANALYZE executions");
        }
    }
}

package dev.rondo.bench.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code bench/run chaos [MINUTES] [--embedded]}: the chaos suite for MINUTES of faults (default 10) on the
 * local PostgreSQL cluster ({@link LocalCluster}; restarted with pg_ctlcluster, so it cuts everyone's
 * sessions), or with {@code --embedded} on a server of its own. Exits 1 when an invariant broke.
 */
public final class Chaos {

    private Chaos() {}

    public static void main(String[] args) throws Exception {
        double minutes = 10;
        boolean embedded = false;
        boolean calm = false;
        for (String arg : args) {
            if (arg.equals("--embedded")) {
                embedded = true;
            } else if (arg.equals("--calm")) {
                calm = true;
            } else {
                minutes = Double.parseDouble(arg);
            }
        }
        Duration faults = Duration.ofMillis((long) (minutes * 60_000));
        ChaosRun.Settings settings = new ChaosRun.Settings(faults, 3, 8, 5.0,
                calm ? faults.plusSeconds(1) : Duration.ofSeconds(3), calm ? faults.plusSeconds(2) : Duration.ofSeconds(9),
                true, Duration.ofMinutes(5), System.nanoTime());
        Path folder = Files.createTempDirectory("rondo-chaos");
        System.out.println("chaos: " + settings + "; worker logs under " + folder);
        ChaosCheck.Report report;
        try (ChaosServer server = embedded ? new EmbeddedServer(folder) : LocalCluster.fromEnvironment()) {
            System.out.println("chaos: on " + server.url());
            report = new ChaosRun(server, settings, System.out).run(folder);
        }
        report.print(System.out, faults);
        System.exit(report.clean() ? 0 : 1);
    }
}

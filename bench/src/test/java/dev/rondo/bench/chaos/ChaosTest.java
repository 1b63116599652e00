package dev.rondo.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos suite's short version: about 100 s of random kill -9 of three worker processes,
 * pg_terminate_backend of their sessions and fast and immediate restarts of a PostgreSQL of its own, then
 * every invariant of {@link ChaosCheck}. Each fault kind must have happened at least once.
 */
class ChaosTest {

    @TempDir
    Path folder;

    @Test
    void everyInvariantHoldsUnderRandomFaults() throws Exception {
        ChaosRun.Settings settings = new ChaosRun.Settings(Duration.ofSeconds(100), 3, 4, 2.0,
                Duration.ofSeconds(2), Duration.ofSeconds(6), true, Duration.ofMinutes(3), 20261207L);
        ChaosCheck.Report report;
        try (EmbeddedServer server = new EmbeddedServer(folder)) {
            report = new ChaosRun(server, settings, System.out).run(folder);
        }
        report.print(System.out, settings.faults());
        assertTrue(report.clean(), () -> "invariants broken: " + report.problems());
        for (Fault.Kind kind : Fault.Kind.values()) {
            assertTrue(report.faults().getOrDefault(kind, 0) > 0, "no " + kind.label + " happened: " + report.faults());
        }
        assertTrue(report.plannedFailures() > 0, "no task retried after a planned failure");
    }
}

package dev.rondo.spring;

import dev.rondo.worker.Worker;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Rondo's part of {@code /actuator/health} (as {@code rondo}): DOWN when the database does not answer or
 * when the application's worker is not running; its details say which, and what the worker holds.
 */
public final class RondoHealthIndicator implements HealthIndicator {

    private static final int VALID_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final RondoWorkerLifecycle worker; // null: this application runs no worker

    public RondoHealthIndicator(DataSource dataSource, RondoWorkerLifecycle worker) {
        this.dataSource = dataSource;
        this.worker = worker;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALID_TIMEOUT_SECONDS)) {
                health.withDetail("database", "reachable");
            } else {
                health.down().withDetail("database", "no answer within " + VALID_TIMEOUT_SECONDS + " s");
            }
        } catch (SQLException e) {
            health.down().withDetail("database", "unreachable: " + e.getMessage());
        }
        if (worker != null) {
            Worker w = worker.worker();
            health.withDetail("worker", w.id());
            if (worker.isRunning()) {
                health.withDetail("workerRunning", true)
                        .withDetail("inFlight", w.running())
                        .withDetail("listening", w.listening()); // false while it reconnects to the database
            } else {
                health.down().withDetail("workerRunning", false);
            }
        }
        return health.build();
    }
}

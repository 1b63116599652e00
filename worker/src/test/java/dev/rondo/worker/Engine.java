package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.testdb.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A test's engine: a fresh schema behind a connection pool, a client, workers, and a folder of flows.
 * Close it to stop the workers and the pool.
 */
final class Engine implements AutoCloseable {

    final HikariDataSource dataSource;
    final RondoClient client;
    private final Path flows;
    private final List<Worker> workers = new ArrayList<>();
    private final List<HikariDataSource> pools = new ArrayList<>();

    Engine(String owner, Path flows) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabase.freshSchemaUrl(owner));
        config.setMaximumPoolSize(8);
        config.setPoolName("test-" + owner);
        this.dataSource = new HikariDataSource(config);
        this.client = RondoClient.create(dataSource);
        this.flows = flows;
    }

    /** Writes {@code name.flow} and deploys it. */
    Engine flow(String name, String source) {
        try {
            Path file = flows.resolve(name + ".flow");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            client.deploy(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Starts a worker configured by {@code configure} (queue "default", fast rescue, unless changed), with a
     * connection pool of its own as in a real deployment, so workers never wait on each other for a connection.
     */
    Worker worker(UnaryOperator<Worker.Builder> configure) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dataSource.getJdbcUrl());
        config.setMaximumPoolSize(24);
        config.setPoolName("worker-" + pools.size());
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        Worker worker = configure.apply(Worker.builder(pool)
                .rescueInterval(Duration.ofMillis(300))).build().start();
        workers.add(worker);
        return worker;
    }

    WorkflowHandle start(String name, String input) {
        return client.start(name, input, StartOptions.DEFAULT);
    }

    /** Starts {@code name} and waits (by NOTIFY, up to 60 s) for its end. */
    WorkflowResult run(String name, String input) {
        return start(name, input).result(Duration.ofSeconds(60));
    }

    static void assertCompleted(String expectedJson, WorkflowResult result) {
        assertEquals(ExecutionStatus.COMPLETED, result.status(), () -> "error: " + result.errorJson());
        assertEquals(expectedJson, result.resultJson());
    }

    /**
     * Records in a table {@code admissions (execution_id, at)} each queue item inserted, on the database's clock:
     * when a task or workflow was admitted to its queue (flow-control tests count admissions per window).
     */
    void recordAdmissions() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE admissions (execution_id text, at timestamptz)");
            s.execute("""
                    CREATE FUNCTION record_admission() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      INSERT INTO admissions VALUES (NEW.execution_id, clock_timestamp());
                      RETURN NEW;
                    END $$""");
            s.execute("CREATE TRIGGER record_admission AFTER INSERT ON queue_items FOR EACH ROW EXECUTE FUNCTION record_admission()");
        } catch (SQLException e) {
            throw new IllegalStateException("recording admissions: " + e.getMessage(), e);
        }
    }

    /** The first column of every row of {@code sql}, as text. */
    List<String> column(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    String one(String sql) {
        List<String> values = column(sql);
        assertEquals(1, values.size(), sql);
        return values.getFirst();
    }

    @Override
    public void close() throws InterruptedException {
        for (Worker worker : workers) {
            worker.shutdownNow();
        }
        for (Worker worker : workers) {
            worker.awaitTermination(Duration.ofSeconds(10));
        }
        client.close();
        pools.forEach(HikariDataSource::close);
        dataSource.close();
    }
}

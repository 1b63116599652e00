package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker started before its database is up waits for it, unless told to fail fast. */
class WorkerStartTest {

    @TempDir
    Path flows;

    private Engine engine;
    private HikariDataSource pool;

    @BeforeEach
    void setUp() {
        engine = new Engine("start", flows);
        engine.flow("hello", "return \"hello\"");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(engine.dataSource.getJdbcUrl());
        config.setMaximumPoolSize(Worker.connectionsNeeded(2));
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
        pool.close();
    }

    @Test
    void aWorkerStartedBeforeItsDatabaseWaitsForIt() throws Exception {
        UnreachableDatabase late = new UnreachableDatabase(pool, 3);
        Worker worker = Worker.builder(late).concurrency(2).build();
        worker.start(); // refused three times, then connects
        try {
            assertTrue(late.tries() > 3, "tried " + late.tries() + " times");
            assertCompleted("\"hello\"", engine.run("hello", "{}"));
        } finally {
            worker.close();
        }
    }

    @Test
    void failFastFailsAtOnce() {
        UnreachableDatabase down = new UnreachableDatabase(null, 0);
        Worker worker = Worker.builder(down).failFast(true).build();
        RuntimeException failure = assertThrows(RuntimeException.class, worker::start);
        assertEquals(1, down.tries());
        assertTrue(String.valueOf(failure.getCause()).contains("Connection to localhost:5432 refused"), failure::toString);
    }

    @Test
    void shutdownEndsTheWait() throws Exception {
        UnreachableDatabase down = new UnreachableDatabase(null, 0);
        Worker worker = Worker.builder(down).build();
        CompletableFuture<Worker> starting = CompletableFuture.supplyAsync(worker::start);
        while (down.tries() < 2) {
            Thread.onSpinWait();
        }
        worker.shutdown();
        starting.get(10, TimeUnit.SECONDS);
        assertTrue(worker.awaitTermination(Duration.ofSeconds(10)));
    }
}

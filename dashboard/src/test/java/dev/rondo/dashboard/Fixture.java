package dev.rondo.dashboard;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.testdb.TestDatabase;
import dev.rondo.worker.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A schema of its own with the dashboard's example workflows deployed and a worker on queue "dash": one
 * execution waits for a signal, one has failed, one retries a failing task, one waits on a timer.
 */
final class Fixture implements AutoCloseable {

    static final String APPROVE = """
            let order = Inputs
            print(`asking for ${order.id}`)
            let answer = await Signal.next("approve")
            print(`answer: ${answer}`)
            return {order: order.id, answer}
            """;
    static final String BROKEN = """
            let items = [1, 2, 3]
            throw Error(`no stock for ${items.length} items`)
            """;
    static final String RETRYING = """
            let invoice = {id: Inputs.id, total: 99.5}
            let sent = await Task.run("sendInvoice", invoice, {maxAttempts: 8})
            return sent
            """;
    static final String SLEEPY = """
            let reminders = 0
            while (reminders < 3) {
              await Timer.delay(3600)
              reminders++
            }
            """;

    final DataSource db;
    final RondoClient client;
    final Worker worker;

    Fixture(String owner, Path dir) {
        db = TestDatabase.freshSchema(owner);
        client = RondoClient.create(db);
        try {
            Files.writeString(dir.resolve("approve.flow"), APPROVE);
            Files.writeString(dir.resolve("broken.flow"), BROKEN);
            Files.writeString(dir.resolve("retrying.flow"), RETRYING);
            Files.writeString(dir.resolve("sleepy.flow"), SLEEPY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client.deploy(dir);
        worker = Worker.builder(db).queues("dash").concurrency(4)
                .task("sendInvoice", (input, ctx) -> {
                    throw new IllegalStateException("mail server unavailable");
                })
                .build().start();
    }

    /** Starts the four examples and waits until each stands where the tests expect it. */
    Fixture started() {
        client.start("approve", "{\"id\":\"o-1\",\"total\":12.5}", StartOptions.DEFAULT.withId("wait-1").withQueue("dash")
                .withAttributes(java.util.Map.of("customer", "c-42")));
        client.start("broken", "{}", StartOptions.DEFAULT.withId("fail-1").withQueue("dash"));
        client.start("retrying", "{\"id\":\"inv-9\"}", StartOptions.DEFAULT.withId("retry-1").withQueue("dash"));
        client.start("sleepy", "null", StartOptions.DEFAULT.withId("sleep-1").withQueue("dash"));
        awaitStatus("wait-1", "waiting");
        awaitStatus("fail-1", "failed");
        awaitStatus("sleep-1", "waiting");
        awaitStatus("retry-1", "waiting");
        return this;
    }

    void awaitStatus(String id, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!client.handle(id).status().text().equals(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " never became " + status + "; it is " + client.handle(id).status());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        worker.close();
        client.close();
    }
}

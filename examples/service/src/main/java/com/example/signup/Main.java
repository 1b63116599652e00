package com.example.signup;

import dev.rondo.client.RondoClient;
import dev.rondo.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the service's worker and one sign-up against the PostgreSQL in {@code RONDO_DATABASE_URL}
 * ({@code postgres://user:password@host:5432/db} or a {@code jdbc:postgresql:} URL).
 */
public final class Main {

    private static final int CONCURRENCY = 8;

    public static void main(String[] args) throws InterruptedException {
        String url = System.getenv("RONDO_DATABASE_URL");
        if (url == null) {
            System.err.println("Set RONDO_DATABASE_URL to a PostgreSQL database.");
            System.exit(2);
        }
        Accounts accounts = new Accounts();
        try (RondoClient rondo = RondoClient.connect(url, Worker.connectionsNeeded(CONCURRENCY) + 2)) {
            rondo.deploy(Path.of("src/main/flows"));
            Worker worker = accounts.register(Worker.builder(rondo.dataSource()).concurrency(CONCURRENCY)).build().start();
            try {
                Signups signups = new Signups(rondo);
                signups.start(new Signups.Account("a-1", "ada@example.com"));
                signups.confirm("a-1");
                System.out.println(signups.outcome("a-1", Duration.ofSeconds(30)));
                System.out.println(accounts.outbox());
            } finally {
                worker.shutdown();
                worker.awaitTermination(Duration.ofSeconds(30));
            }
        }
    }
}

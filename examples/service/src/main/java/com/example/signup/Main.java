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
        System.out.println(run(url, "a-1"));
    }

    /** Deploys the flows, runs a worker, signs {@code accountId} up and confirms it; returns how it ended. */
    static Signups.Outcome run(String url, String accountId) throws InterruptedException {
        Accounts accounts = new Accounts();
        try (RondoClient rondo = RondoClient.connect(url, Worker.connectionsNeeded(CONCURRENCY) + 2)) {
            rondo.deploy(Path.of("src/main/flows"));
            Worker worker = accounts.register(Worker.builder(rondo.dataSource()).concurrency(CONCURRENCY)).build().start();
            try {
                Signups signups = new Signups(rondo);
                signups.start(new Signups.Account(accountId, "ada@example.com"));
                signups.confirm(accountId);
                return signups.outcome(accountId, Duration.ofSeconds(30));
            } finally {
                worker.shutdown();
                worker.awaitTermination(Duration.ofSeconds(30));
            }
        }
    }
}

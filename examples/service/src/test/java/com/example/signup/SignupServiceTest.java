package com.example.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.client.RondoClient;
import dev.rondo.testing.DatabaseSchema;
import dev.rondo.testing.RondoDatabase;
import dev.rondo.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The service end to end on PostgreSQL (a schema of its own): the real client, worker and handlers. */
@RondoDatabase
class SignupServiceTest {

    @Test
    void aConfirmedSignUpEndsActiveWithEachEmailSentOnce(DataSource dataSource) {
        Accounts accounts = new Accounts();
        RondoClient rondo = RondoClient.create(dataSource);
        rondo.deploy(Path.of("src/main/flows"));
        try (Worker worker = accounts.register(Worker.builder(dataSource).concurrency(4)).build().start()) {
            Signups signups = new Signups(rondo);
            signups.start(new Signups.Account("a-9", "ada@example.com"));
            signups.start(new Signups.Account("a-9", "ada@example.com")); // a second click starts nothing
            signups.confirm("a-9");

            assertEquals(new Signups.Outcome("active"), signups.outcome("a-9", Duration.ofSeconds(60)));
            assertEquals("active", accounts.state("a-9"));
            assertEquals(List.of(new Accounts.Sent("ada@example.com", "confirm", "signup-a-9/confirm-email"),
                    new Accounts.Sent("ada@example.com", "welcome", "signup-a-9/welcome-email")), accounts.outbox());
        }
    }

    @Test
    void theMainSignsUpAnAccountOnTheDatabaseOfItsUrl(DatabaseSchema database) throws InterruptedException {
        assertEquals(new Signups.Outcome("active"), Main.run(database.url(), "a-main"));
    }
}

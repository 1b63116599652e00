package com.example.signup;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import java.time.Duration;

/** What the rest of the service calls: starts a sign-up, confirms it, and reads how it ended. */
public final class Signups {

    public record Account(String id, String email) {}

    public record Outcome(String status) {}

    private final RondoClient rondo;

    public Signups(RondoClient rondo) {
        this.rondo = rondo;
    }

    /** Starts the sign-up of {@code account}; starting the same account twice starts it once. */
    public WorkflowHandle start(Account account) {
        return rondo.start("signup", account, StartOptions.DEFAULT.withId(executionId(account.id()))); // written by Jackson
    }

    /** The user clicked the link in the confirmation email. */
    public void confirm(String accountId) {
        rondo.handle(executionId(accountId)).signal("confirmed", true);
    }

    /** Waits for the sign-up of {@code accountId} to end. */
    public Outcome outcome(String accountId, Duration timeout) {
        return rondo.handle(executionId(accountId)).result(timeout).resultAs(Outcome.class);
    }

    private static String executionId(String accountId) {
        return "signup-" + accountId;
    }
}

package com.example.signup;

import dev.rondo.worker.TaskContext;
import dev.rondo.worker.TypedTaskHandler;
import dev.rondo.worker.Worker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sign-up workflow's tasks, over an in-memory account store and outbox (a real service would call its
 * database and mail provider here). {@link #register} is the one place that names them, used by the
 * worker and by the tests.
 */
public final class Accounts {

    public record AccountId(String id) {}

    public record Email(String to, String template) {}

    /** An email handed to the provider, with the key that makes a retried attempt send it once. */
    public record Sent(String to, String template, String idempotencyKey) {}

    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final List<Sent> outbox = new CopyOnWriteArrayList<>();

    /** Registers every task of {@code signup.flow} on a worker (or, in a test, on a {@code FlowTest}). */
    public Worker.Builder register(Worker.Builder worker) {
        return worker
                .task("sendEmail", Email.class, sendEmail())
                .task("activateAccount", AccountId.class, (account, ctx) -> setState(account, "active"))
                .task("closeAccount", AccountId.class, (account, ctx) -> setState(account, "closed"));
    }

    private TypedTaskHandler<Email, Sent> sendEmail() {
        return (Email email, TaskContext ctx) -> {
            Sent sent = new Sent(email.to(), email.template(), ctx.idempotencyKey());
            if (outbox.stream().noneMatch(s -> s.idempotencyKey().equals(sent.idempotencyKey()))) {
                outbox.add(sent);
            }
            return sent;
        };
    }

    private Map<String, String> setState(AccountId account, String state) {
        states.put(account.id(), state);
        return Map.of("id", account.id(), "state", state);
    }

    /** {@code active}, {@code closed}, or null before the workflow decided. */
    public String state(String accountId) {
        return states.get(accountId);
    }

    public List<Sent> outbox() {
        return List.copyOf(outbox);
    }
}

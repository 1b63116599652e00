package dev.rondo.examples;

import dev.rondo.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A fake email service held in memory, behind the {@code sendEmail} task. It keeps every message sent,
 * once per idempotency key, so a retried attempt never sends a second copy.
 */
public final class Mailbox {

    /** The {@code sendEmail} task's input and the message kept. */
    public record Email(String to, String subject, String body) {}

    private final Map<String, Email> sentByKey = new LinkedHashMap<>();

    /** Registers the {@code sendEmail} task on {@code worker}. */
    public Worker.Builder register(Worker.Builder worker) {
        return worker.task("sendEmail", Email.class, (email, ctx) -> {
            send(ctx.idempotencyKey(), email);
            return null;
        });
    }

    /** Sends {@code email} unless a message with this idempotency key was sent already. */
    public synchronized void send(String idempotencyKey, Email email) {
        if (sentByKey.putIfAbsent(idempotencyKey, email) == null) {
            notifyAll();
        }
    }

    /** Every message sent so far, oldest first. */
    public synchronized List<Email> sent() {
        return new ArrayList<>(sentByKey.values());
    }

    /** The messages sent to {@code address}, oldest first. */
    public synchronized List<Email> sentTo(String address) {
        return sentByKey.values().stream().filter(email -> email.to().equals(address)).toList();
    }

    /**
     * Waits until a message matching {@code wanted} has been sent, and returns the first one.
     *
     * @throws IllegalStateException when none comes within {@code timeout}
     */
    public synchronized Email await(Predicate<Email> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Email email : sentByKey.values()) {
                if (wanted.test(email)) {
                    return email;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("No such email within " + timeout + "; sent so far: " + sentByKey.values());
            }
            Duration wait = Duration.ofNanos(left);
            wait(Math.max(1, wait.toMillis()));
        }
    }
}

package dev.rondo.worker.internal;

import dev.rondo.store.Channels;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that LISTENs on {@code rondo_work} and wakes the dispatcher when one of this
 * worker's queues gets work; on {@code rondo_admit} it hands the key to the admitter, on {@code
 * rondo_schedules} it wakes the schedule firer. When the connection breaks it reconnects with jittered exponential backoff
 * and wakes the dispatcher once listening again, since notifications sent meanwhile are lost (the
 * dispatcher's poll is the safety net in between). A connection that has been silent for a ping interval
 * (the poll interval) is asked {@code SELECT 1}, so that one cut off without a word (a half-open TCP
 * connection, which would otherwise just stay silent) is noticed and replaced within about that time.
 */
final class WakeListener {

    static final String CHANNEL = Channels.WORK;
    private static final Logger LOG = LoggerFactory.getLogger(WakeListener.class);
    private static final int RECEIVE_TIMEOUT_MILLIS = 500;

    private final DataSource dataSource;
    private final Set<String> queues;
    private final Runnable wake;
    /** Wakes the schedule firer (null: this worker fires no schedules). */
    private final Runnable scheduleWake;
    /** Asks the admitter to admit the waiting work of a key (a start put it there without admitting it). */
    private final java.util.function.Consumer<String> admitWake;
    private final long pingNanos;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean listening;

    WakeListener(DataSource dataSource, Set<String> queues, Runnable wake, Runnable scheduleWake,
                 java.util.function.Consumer<String> admitWake, String owner, java.time.Duration pingInterval) {
        this.admitWake = admitWake;
        this.pingNanos = pingInterval.toNanos();
        this.dataSource = dataSource;
        this.queues = queues;
        this.wake = wake;
        this.scheduleWake = scheduleWake;
        this.thread = Thread.ofPlatform().daemon().name("rondo-listen-" + owner).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    /**
     * Ends the loop. The thread may be blocked reading notifications (up to half a second); a notification
     * ends that wait at once, so a worker's shutdown (every {@code rondo run}) does not wait for it. It is
     * sent on a thread of its own, so stop() never waits for a pooled connection: when none comes soon, the
     * loop still ends at its next receive timeout. Its payload names no queue, so other listeners ignore it.
     * (Aborting the connection would end the wait too, but the pool then logs a broken connection.)
     */
    void stop() {
        stopped = true;
        if (listening) {
            Thread.ofVirtual().name("rondo-listen-stop").start(() -> {
                try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_notify('" + CHANNEL + "', '')");
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("Could not wake the LISTEN loop; it ends at its next receive timeout", e);
                }
            });
        }
    }

    void join() throws InterruptedException {
        thread.join();
    }

    /** Whether the LISTEN is in place right now (for tests and health checks). */
    boolean listening() {
        return listening;
    }

    private void loop() {
        long backoff = 100;
        while (!stopped) {
            try (Connection connection = dataSource.getConnection()) {
                if (stopped) {
                    return; // stop() came between the loop's check and now
                }
                connection.setAutoCommit(true);
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + Channels.ADMIT);
                    if (scheduleWake != null) {
                        statement.execute("LISTEN " + Channels.SCHEDULES);
                    }
                }
                listening = true;
                if (backoff > 100) {
                    LOG.info("Listening for work again");
                }
                backoff = 100;
                wake.run(); // anything sent while not listening is found by this claim
                if (scheduleWake != null) {
                    scheduleWake.run();
                }
                receive(connection, pg);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("UNLISTEN *"); // the connection may go back to a pool
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (stopped) {
                    return;
                }
                LOG.warn("Lost the LISTEN connection (reconnecting in {} ms): {}", backoff, e.toString());
                sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
        listening = false;
    }

    private void receive(Connection connection, PGConnection pg) throws SQLException {
        long heard = System.nanoTime();
        while (!stopped) {
            PGNotification[] notifications = pg.getNotifications(RECEIVE_TIMEOUT_MILLIS);
            if (notifications == null || notifications.length == 0) {
                if (System.nanoTime() - heard >= pingNanos) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SELECT 1"); // throws when the connection is gone
                    }
                    heard = System.nanoTime();
                }
                continue;
            }
            heard = System.nanoTime();
            boolean work = false;
            for (PGNotification n : notifications) {
                if (Channels.SCHEDULES.equals(n.getName())) {
                    scheduleWake.run();
                } else if (Channels.ADMIT.equals(n.getName())) {
                    admitWake.accept(n.getParameter());
                } else if (!work && queues.contains(n.getParameter())) {
                    work = true;
                    wake.run();
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

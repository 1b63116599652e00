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
    /**
     * How long one wait for notifications lasts, so how long stop() may wait for the loop to see it: short,
     * since every rondo run stops a worker. A wait that times out sends nothing to the server.
     */
    private static final int RECEIVE_TIMEOUT_MILLIS = 50;

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
     * Ends the loop at the end of its current wait for notifications (at most {@link #RECEIVE_TIMEOUT_MILLIS}).
     * Neither aborting the connection (the pool then logs it as broken, with a stack trace, at every
     * shutdown) nor waking the wait with a NOTIFY from a pooled connection (which may have to wait for one:
     * 0.4 s more for every rondo run, measured with bench/run cli) is as quick and quiet.
     */
    void stop() {
        stopped = true;
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

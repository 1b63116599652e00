package dev.rondo.bench.chaos;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.migrations.Migrations;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The chaos suite: workflows started at a steady pace and signalled while worker processes serve them,
 * under random faults for {@link Settings#faults}; then the faults stop, the work drains, and
 * {@link ChaosCheck} holds the database to the invariants.
 */
final class ChaosRun {

    /**
     * @param faults      how long workflows are started and faults caused
     * @param workers     worker processes
     * @param concurrency each worker's concurrency
     * @param startsPerSecond workflows started per second (each: four tasks, a child, timers, 0–2 signals)
     * @param gapMin      shortest pause between two faults
     * @param gapMax      longest pause between two faults
     * @param restarts    whether to restart the server at all
     * @param drain       how long the work may take to finish once the faults stop
     * @param seed        the random choices' seed
     */
    record Settings(Duration faults, int workers, int concurrency, double startsPerSecond, Duration gapMin,
                    Duration gapMax, boolean restarts, Duration drain, long seed) {}

    private final ChaosServer server;
    private final Settings settings;
    private final PrintStream out;
    private final Random random;
    /** The kinds of fault not caused yet, in the order they come first (pick()). */
    private List<Fault.Kind> unseen;
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong signalsSent = new AtomicLong();
    private final DelayQueue<PendingSignal> signals = new DelayQueue<>();
    private final AtomicBoolean starting = new AtomicBoolean(true);

    static {
        // the suite's own pools warn at every fault, which would bury its figures
        if (System.getProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "off");
        }
    }

    ChaosRun(ChaosServer server, Settings settings, PrintStream out) {
        this.server = server;
        this.settings = settings;
        this.out = out;
        this.random = new Random(settings.seed());
    }

    ChaosCheck.Report run(Path folder) throws Exception {
        prepare(folder);
        Path logs = Files.createDirectories(folder.resolve("worker-logs"));
        try (WorkerProcesses workers = new WorkerProcesses(server.url(), settings.workers(), settings.concurrency(), logs);
             RondoClient client = RondoClient.connect(server.url(), 4)) {
            workers.startAll();
            Instant begin = Instant.now();
            Instant end = begin.plus(settings.faults());
            Thread starter = Thread.ofPlatform().name("chaos-starter").start(() -> startUntil(client, end));
            Thread signaller = Thread.ofPlatform().name("chaos-signaller").start(() -> signal(client));
            causeFaultsUntil(end, workers);
            starter.join();
            int died = workers.restartDead();
            out.printf("chaos: faults stopped after %d s; %d workflows started; draining%n",
                    Duration.between(begin, Instant.now()).toSeconds(), started.get());
            starting.set(false);
            Instant drainStart = Instant.now();
            boolean drained = awaitDrained(workers, drainStart.plus(settings.drain()));
            signaller.interrupt();
            signaller.join();
            Duration drainTime = Duration.between(drainStart, Instant.now());
            if (!drained) {
                out.printf("chaos: the work did not drain within %d s%n", settings.drain().toSeconds());
            }
            return new ChaosCheck(server.url(), started.get(), signalsSent.get(), List.copyOf(faults), died, drainTime)
                    .check();
        }
    }

    /** A fresh schema: Rondo's tables, the effects table, the two flows deployed. */
    private void prepare(Path folder) throws SQLException, IOException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setURL(server.url());
        Migrations.apply(plain);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE chaos_effects (
                        token      text        PRIMARY KEY,
                        key        text        NOT NULL,
                        attempt    integer     NOT NULL,
                        worker     text        NOT NULL,
                        outcome    text        NOT NULL,
                        started_at timestamptz NOT NULL,
                        at         timestamptz NOT NULL DEFAULT clock_timestamp())""");
            s.execute("CREATE INDEX chaos_effects_at ON chaos_effects (at)");
        }
        Path flows = Files.createDirectories(folder.resolve("flows"));
        Files.writeString(flows.resolve("chaos.flow"), ChaosFlows.PARENT);
        Files.writeString(flows.resolve("chaos_child.flow"), ChaosFlows.CHILD);
        try (RondoClient client = RondoClient.connect(server.url(), 2)) {
            client.deploy(flows);
        }
    }

    private void startUntil(RondoClient client, Instant end) {
        long n = 0;
        long intervalNanos = (long) (1e9 / settings.startsPerSecond());
        long next = System.nanoTime();
        while (Instant.now().isBefore(end)) {
            n++;
            String id = ChaosFlows.id(n);
            while (true) { // a start with the same id and workflow is the same start, so retrying is safe
                try {
                    client.start("chaos", ChaosFlows.input(n), StartOptions.DEFAULT.withId(id));
                    break;
                } catch (RuntimeException e) {
                    pause(300);
                }
            }
            started.set(n);
            if (ChaosFlows.signals(n) > 0) {
                signals.add(new PendingSignal(n, 0, System.nanoTime() + millis(200, 3000) * 1_000_000L, false));
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                pause(wait / 1_000_000L);
            }
        }
    }

    /**
     * Sends each workflow's signals one after the other. A send that failed may still have committed (the
     * connection can die after the commit), so before sending again the signal is looked for: the suite
     * itself must not duplicate a signal, or the check could not hold the engine to "each once".
     */
    private void signal(RondoClient client) {
        while (true) {
            PendingSignal pending;
            try {
                pending = signals.take();
            } catch (InterruptedException e) {
                return;
            }
            String id = ChaosFlows.id(pending.n);
            try {
                if (!pending.uncertain || !alreadySent(id, ChaosFlows.signalKey(pending.n, pending.i))) {
                    client.handle(id).signal("poke", ChaosFlows.signalPayload(pending.n, pending.i));
                }
                signalsSent.incrementAndGet();
                if (pending.i + 1 < ChaosFlows.signals(pending.n)) {
                    signals.add(new PendingSignal(pending.n, pending.i + 1,
                            System.nanoTime() + millis(100, 2000) * 1_000_000L, false));
                }
            } catch (RuntimeException | SQLException e) {
                signals.add(new PendingSignal(pending.n, pending.i, System.nanoTime() + 300_000_000L, true));
            }
        }
    }

    private boolean alreadySent(String id, String key) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM signals WHERE execution_id = ? AND payload::jsonb ->> 'k' = ?")) {
            s.setString(1, id);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private void causeFaultsUntil(Instant end, WorkerProcesses workers) throws Exception {
        while (true) {
            long gap = settings.gapMin().toMillis()
                    + (long) (random.nextDouble() * (settings.gapMax().toMillis() - settings.gapMin().toMillis()));
            if (Instant.now().plusMillis(gap).isAfter(end)) {
                pause(Math.max(0, Duration.between(Instant.now(), end).toMillis()));
                return;
            }
            pause(gap);
            workers.restartDead();
            Fault.Kind kind = pick();
            Fault fault = switch (kind) {
                case KILL -> kill(workers);
                case TERMINATE -> terminate(workers);
                case RESTART_FAST, RESTART_IMMEDIATE -> restart(kind);
            };
            if (fault.kind() != Fault.Kind.KILL) {
                fault = fault.withRecovery(awaitProgress(fault.back()));
            }
            faults.add(fault);
            out.printf("chaos: %-32s %-14s %s%n", fault.kind().label, fault.target(),
                    fault.recovery() == null ? "" : "work moved again %.1f s after".formatted(fault.recovery().toMillis() / 1000.0));
        }
    }

    /**
     * The next fault: first each kind the run causes once, in a random order (so a short run, whose number
     * of faults depends on how long each takes to recover from, still causes every kind), then at random.
     */
    private Fault.Kind pick() {
        if (unseen == null) {
            unseen = new ArrayList<>(settings.restarts() ? List.of(Fault.Kind.values())
                    : List.of(Fault.Kind.KILL, Fault.Kind.TERMINATE));
            Collections.shuffle(unseen, random);
        }
        if (!unseen.isEmpty()) {
            return unseen.removeFirst();
        }
        double r = random.nextDouble();
        if (!settings.restarts()) {
            return r < 0.55 ? Fault.Kind.KILL : Fault.Kind.TERMINATE;
        }
        return r < 0.4 ? Fault.Kind.KILL : r < 0.7 ? Fault.Kind.TERMINATE : r < 0.85 ? Fault.Kind.RESTART_FAST : Fault.Kind.RESTART_IMMEDIATE;
    }

    private Fault kill(WorkerProcesses workers) throws Exception {
        int slot = random.nextInt(workers.count());
        Instant at = Instant.now();
        String instance = workers.kill(slot);
        pause(millis(300, 1500)); // a supervisor's restart delay
        workers.start(slot);
        return new Fault(Fault.Kind.KILL, instance, at, Instant.now(), null);
    }

    /** Ends the database sessions of one worker instance, or of every worker. */
    private Fault terminate(WorkerProcesses workers) throws SQLException {
        boolean everyone = random.nextBoolean();
        String target = everyone ? "all" : workers.instance(random.nextInt(workers.count()));
        Instant at = Instant.now();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(everyone
                ? "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name LIKE 'chaos-w%'"
                : "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            if (!everyone) {
                s.setString(1, target);
            }
            s.executeQuery().close();
        }
        return new Fault(Fault.Kind.TERMINATE, target, at, Instant.now(), null);
    }

    private Fault restart(Fault.Kind kind) throws IOException, InterruptedException {
        Instant at = Instant.now();
        server.restart(kind == Fault.Kind.RESTART_IMMEDIATE);
        return new Fault(kind, "server", at, Instant.now(), null);
    }

    /**
     * The time from {@code since} until the engine committed work again: an execution (task or workflow)
     * finished after it. Effects do not count: a handler records them on a pool of its own. Null when
     * nothing finished within 60 s (the check will say whether anything was stuck).
     */
    private Duration awaitProgress(Instant since) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                    "SELECT max(finished_at) FROM executions")) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    Timestamp last = rs.getTimestamp(1);
                    if (last != null && last.toInstant().isAfter(since)) {
                        return Duration.between(since, last.toInstant());
                    }
                }
            } catch (SQLException e) {
                // the server may still be coming back
            }
            pause(50);
        }
        return null;
    }

    /** Waits until no execution is unfinished and no queue item is left, with every worker kept alive. */
    private boolean awaitDrained(WorkerProcesses workers, Instant deadline) throws Exception {
        while (Instant.now().isBefore(deadline)) {
            workers.restartDead();
            try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT (SELECT count(*) FROM executions WHERE status IN ('queued', 'running', 'waiting'))"
                    + " + (SELECT count(*) FROM queue_items)")) {
                rs.next();
                if (rs.getLong(1) == 0 && signals.isEmpty()) {
                    return true;
                }
            } catch (SQLException e) {
                // try again
            }
            pause(250);
        }
        return false;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "chaos-suite");
        return DriverManager.getConnection(server.url(), properties);
    }

    private long millis(int min, int max) {
        synchronized (random) {
            return min + random.nextInt(max - min);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Signal {@code i} of workflow {@code n}, due at {@code dueNanos}; {@code uncertain} after a failed send. */
    private record PendingSignal(long n, int i, long dueNanos, boolean uncertain) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((PendingSignal) other).dueNanos);
        }
    }
}

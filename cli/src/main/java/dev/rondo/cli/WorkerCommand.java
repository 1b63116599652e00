package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.store.Channels;
import dev.rondo.store.QueryDao;
import dev.rondo.worker.DatabaseWait;
import dev.rondo.worker.Worker;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rondo worker}: a development worker whose tasks are mocks. Runs until SIGINT or SIGTERM, then
 * stops claiming, lets running work finish (up to 30 s) and exits. Prints one line per task attempt and
 * one per workflow of its queues that ends.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run a development worker: it runs the workflows of its queues, and their tasks with the mocks given.",
                "Runs until Ctrl-C (SIGINT) or SIGTERM, then lets running work finish and exits.",
                "Prints a line per task attempt and per workflow of its queues that ends.",
                "A task with no mock fails at once (TaskError: No handler for task …).",
                "Started before its database is up, it waits for it (a warning per try) unless --fail-fast."})
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Database database;

    @Mixin
    Mocks mocks;

    @Option(names = "--queue", paramLabel = "QUEUE", defaultValue = StartOptions.DEFAULT_QUEUE,
            description = "A queue to serve (repeatable; default: ${DEFAULT-VALUE}).")
    List<String> queues;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16", description = "Slices and task attempts at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--lease", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long its claims hold without renewal; after a crash others take its work over this long after (default ${DEFAULT-VALUE}).")
    double leaseSeconds;

    @Option(names = "--fail-fast",
            description = "Exit at once when the database cannot be reached (default: wait for it, trying again with a backoff of up to 30 s).")
    boolean failFast;

    @Option(names = "--eager-tasks",
            description = "Run the tasks a slice starts in this worker's free slots at once, leased by the slice's own commit, without a claim (docs/engine.md).")
    boolean eagerTasks;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve the worker's metrics in Prometheus text at http://BIND:PORT/metrics (docs/observability.md).")
    Integer metricsPort;

    @Option(names = "--metrics-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address the metrics endpoint listens on (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String metricsBind;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (concurrency < 1 || leaseSeconds <= 0) {
            throw new UsageException("--concurrency and --lease must be positive.");
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new UsageException("--metrics-port must be between 0 and 65535, not " + metricsPort + ".");
        }
        mocks.delays(); // bad options fail before connecting
        RondoClient client = connect();
        Worker.Builder builder = Worker.builder(client.dataSource())
                .queues(queues.toArray(String[]::new))
                .concurrency(concurrency)
                .lease(Duration.ofMillis(Math.round(leaseSeconds * 1000)))
                .failFast(failFast)
                .eagerTasks(eagerTasks);
        // a line per attempt, written by a thread of its own: handlers never wait for the terminal
        OutputLines lines = new OutputLines(out);
        mocks.register(builder, lines::print);
        MetricsEndpoint metrics = null;
        if (metricsPort != null) {
            try {
                metrics = new MetricsEndpoint(metricsBind, metricsPort);
            } catch (java.io.IOException e) {
                client.close();
                throw new UsageException("Cannot serve metrics on " + metricsBind + ":" + metricsPort + ": " + e.getMessage());
            }
            builder.meterRegistry(metrics.registry);
            err.println("rondo worker: metrics at http://" + metricsBind + ":" + metrics.port() + "/metrics");
        }
        MetricsEndpoint endpoint = metrics;
        Worker worker = builder.build().start();
        Stopping stopping = new Stopping();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.now = true;
            err.println("rondo worker: stopping (running work finishes first)…");
            err.flush();
            worker.close();
            client.close();
            lines.close();
            if (endpoint != null) {
                endpoint.close();
            }
            err.println("rondo worker: stopped");
            err.flush();
        }, "rondo-worker-shutdown"));
        err.println("rondo worker " + worker.id() + ": serving " + String.join(", ", queues)
                + " (Ctrl-C to stop)");
        err.flush();
        watchEnds(client, Set.copyOf(queues), lines, stopping);
        return 0;
    }

    /**
     * The client, with the worker's connections and one to watch workflow ends; while the database cannot
     * be reached, waits for it (a warning per try) unless {@code --fail-fast}. Ctrl-C ends the wait as it
     * ends the process.
     */
    private RondoClient connect() throws Exception {
        int connections = Worker.connectionsNeeded(concurrency) + 1;
        if (failFast) {
            return database.connect(spec.commandLine().getErr(), connections);
        }
        return new DatabaseWait(Worker.MAX_DATABASE_BACKOFF, "--fail-fast exits at once instead")
                .until(() -> database.connect(spec.commandLine().getErr(), connections), () -> false);
    }

    /** Set by the shutdown hook; the watch loop ends quietly then. */
    private static final class Stopping {
        volatile boolean now;
    }

    /** Prints each workflow end (the engine's rondo_done notification) until the worker stops. */
    private static void watchEnds(RondoClient client, Set<String> queues, OutputLines out, Stopping stopping)
            throws InterruptedException {
        while (!stopping.now) {
            try (Connection connection = client.dataSource().getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + Channels.DONE);
                }
                try {
                    PGConnection notifications = connection.unwrap(PGConnection.class);
                    while (!stopping.now) {
                        PGNotification[] ended = notifications.getNotifications(1000);
                        if (ended.length > 0) {
                            printEnds(connection, queues, ended, out);
                        }
                    }
                } finally {
                    unlisten(connection); // the connection goes back to the pool
                }
            } catch (SQLException | RuntimeException e) {
                if (stopping.now) {
                    return; // the pool was closed by the shutdown hook
                }
                out.print("rondo worker: lost the database connection for workflow ends (" + e.getMessage() + "); retrying");
                Thread.sleep(1000);
            }
        }
    }

    private static void unlisten(Connection connection) {
        try (Statement unlisten = connection.createStatement()) {
            unlisten.execute("UNLISTEN " + Channels.DONE);
        } catch (SQLException e) {
            // a dead connection: the pool discards it, and its LISTEN with it
        }
    }

    /**
     * The ends of the workflows of this worker's queues among {@code ended}, in the order they were notified;
     * other queues' ends are theirs to print. One light query for the whole batch (every worker hears every
     * end, so under load a query per end, reading the flow's source as describe does, cost a worker a tenth
     * of its time).
     */
    private static void printEnds(Connection connection, Set<String> queues, PGNotification[] ended, OutputLines out)
            throws SQLException {
        List<String> ids = new ArrayList<>(ended.length);
        for (PGNotification n : ended) {
            ids.add(n.getParameter());
        }
        Map<String, QueryDao.End> ends = new HashMap<>();
        for (QueryDao.End end : new QueryDao(connection).ends(ids)) {
            ends.put(end.executionId(), end);
        }
        for (String id : ids) {
            QueryDao.End end = ends.remove(id); // once, should an id be notified twice in a batch
            if (end != null && queues.contains(end.queue())) {
                out.print("workflow " + id + " (" + end.workflow() + ") " + ExecutionStatus.of(end.status()).text());
            }
        }
    }
}

package dev.rondo.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.ChildDepth;
import dev.rondo.core.Identifiers;
import dev.rondo.core.Limits;
import dev.rondo.migrations.Migrations;
import dev.rondo.store.HistoryRetention;
import dev.rondo.worker.internal.Dispatcher;
import dev.rondo.worker.internal.Handlers;
import dev.rondo.worker.internal.Host;
import dev.rondo.worker.internal.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs workflows and tasks from PostgreSQL: claims the items of its queues, runs workflow slices with the
 * interpreter and tasks with the handlers registered here (on threads of their own, so a handler that
 * spins or ignores its timeout cannot hold up the worker's own work). Start as many
 * workers as you like, in as many processes and machines: they share the work through the database.
 *
 * <pre>{@code
 * Worker worker = Worker.builder(dataSource)
 *         .queues("default", "orders")
 *         .concurrency(32)
 *         .task("chargeCard", Charge.class, (charge, ctx) -> payments.charge(charge, ctx.idempotencyKey()))
 *         .task("sendEmail", (input, ctx) -> { mail.send(input.get("to").asText()); return null; })
 *         .build()
 *         .start();
 * …
 * worker.shutdown();                                  // stop claiming; running work finishes
 * worker.awaitTermination(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Every worker that serves a queue must handle every task sent to that queue: a worker that claims a
 * task it has no handler for fails it (as {@code TaskError}) at once. The data source should have at least
 * {@link #connectionsNeeded(int) connectionsNeeded(concurrency)} connections.
 */
public final class Worker implements AutoCloseable {

    /**
     * How many connections a worker of this concurrency takes from its data source at most: one per slot,
     * one held for LISTEN, one kept for claiming, two for lease upkeep and batched task ends, one for
     * its heartbeat in the {@code workers} table, one for firing schedules and one for admitting work to its
     * concurrency slots (docs/scheduling.md).
     */
    public static int connectionsNeeded(int concurrency) {
        return concurrency + 7;
    }

    /** The longest wait between two tries to reach a database that is not up yet (see {@link Builder#failFast}). */
    public static final Duration MAX_DATABASE_BACKOFF = Duration.ofSeconds(30);
    /** How often a worker writes that it is alive into the {@code workers} table (see {@link Builder#heartbeatInterval}). */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);
    /** The queue a worker claims from when it is given none. */
    public static final String DEFAULT_QUEUE = "default";
    /** How many slices and task attempts run at once (see {@link Builder#concurrency}). */
    public static final int DEFAULT_CONCURRENCY = 16;
    /**
     * The safety-net poll when no notification comes (see {@link Builder#pollInterval}): notifications and
     * the known due times find work, so the poll is only for what they could miss.
     */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
    /** How long a claimed item is held before another worker may rescue it (see {@link Builder#lease}). */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    /** How often expired leases are looked for (see {@link Builder#rescueInterval}). */
    public static final Duration DEFAULT_RESCUE_INTERVAL = Duration.ofSeconds(5);
    /** How many steps of checkpoint history each execution keeps (see {@link Builder#checkpointHistory}). */
    public static final int DEFAULT_CHECKPOINT_HISTORY = HistoryRetention.DEFAULT.maxSteps();
    /**
     * Whether a slice's tasks run at once in its worker's free slots (see {@link Builder#eagerTasks}): off, since it
     * pays where workers have slots free (sequential steps, light load) but not in a backlog (docs/engine.md).
     */
    public static final boolean DEFAULT_EAGER_TASKS = false;
    /** How deep children of children may nest (see {@link Builder#maxChildDepth}). */
    public static final int DEFAULT_MAX_CHILD_DEPTH = ChildDepth.DEFAULT_LIMIT;

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final Dispatcher dispatcher;
    private final DataSource dataSource;
    private final String id;
    private final boolean failFast;
    private final Object lifecycle = new Object();
    private boolean starting;
    private boolean started;
    private volatile boolean shutDown;
    private final String configuration;

    private Worker(Builder b, Handlers handlers) {
        this.dataSource = b.dataSource;
        this.id = b.id != null ? b.id : defaultId();
        this.failFast = b.failFast;
        this.dispatcher = new Dispatcher(b.dataSource, handlers, new Dispatcher.Settings(
                List.copyOf(b.queues), b.concurrency, b.pollInterval, b.lease, b.rescueInterval, id, b.limits,
                b.maxChildDepth, b.heartbeatInterval, b.fireSchedules, Map.copyOf(b.taskConcurrency),
                new HistoryRetention(b.checkpointHistory, b.keepCheckpointHistoryAfterEnd), b.eagerTasks),
                Telemetry.of(b.meterRegistry, b.openTelemetry));
        this.configuration = "queues " + b.queues + ", concurrency " + b.concurrency + ", tasks "
                + b.handlers.names() + ", poll " + b.pollInterval + ", lease " + b.lease + ", rescue "
                + b.rescueInterval + ", heartbeat " + b.heartbeatInterval + ", max child depth " + b.maxChildDepth
                + (b.checkpointHistory == DEFAULT_CHECKPOINT_HISTORY && !b.keepCheckpointHistoryAfterEnd ? ""
                        : ", checkpoint history " + b.checkpointHistory + " steps" + (b.keepCheckpointHistoryAfterEnd ? " (kept after the end)" : ""))
                + (b.fireSchedules ? ", fires schedules" : ", fires no schedules")
                + (b.eagerTasks ? ", eager tasks" : "")
                + (b.taskConcurrency.isEmpty() ? "" : ", task concurrency " + new java.util.TreeMap<>(b.taskConcurrency))
                + (b.failFast ? ", fail fast" : "") + (b.meterRegistry != null ? ", metrics" : "")
                + (b.openTelemetry != null ? ", tracing" : "");
    }

    /** The settings this worker runs with, defaults included, as its start logs them once. */
    public String configuration() {
        return configuration;
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Brings the schema up to date and starts claiming. Returns this worker; a second call does nothing.
     * While the database cannot be reached (refused, starting up, too many connections), it waits and
     * tries again, with a backoff doubling up to {@link #MAX_DATABASE_BACKOFF} and a warning per try, until
     * it can or {@link #shutdown()} is called; with {@link Builder#failFast(boolean) failFast(true)} it
     * throws at once instead. Any other failure (a wrong password, say) is thrown at once.
     */
    public Worker start() {
        synchronized (lifecycle) {
            if (shutDown) {
                throw new IllegalStateException("Worker " + id + " was shut down; build a new one.");
            }
            if (starting) {
                return this;
            }
            starting = true;
        }
        try {
            migrate();
        } catch (RuntimeException e) {
            synchronized (lifecycle) {
                starting = false; // it may be started again
            }
            throw e;
        }
        synchronized (lifecycle) {
            if (!shutDown) {
                dispatcher.start();
                started = true;
                LOG.info("Worker {} started: {}", id, configuration);
            }
        }
        return this;
    }

    private void migrate() {
        if (failFast) {
            Migrations.apply(dataSource);
            return;
        }
        try {
            new DatabaseWait(MAX_DATABASE_BACKOFF, "Worker.Builder.failFast(true) fails at once instead").until(() -> {
                Migrations.apply(dataSource);
                return Boolean.TRUE;
            }, () -> shutDown);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** This worker's id, written as the lease owner of the items it holds. */
    public String id() {
        return id;
    }

    /**
     * Stops claiming new work; running task attempts and workflow slices finish and are committed.
     * Idempotent. Follow with {@link #awaitTermination(Duration)}.
     */
    public void shutdown() {
        synchronized (lifecycle) {
            shutDown = true;
        }
        dispatcher.stopClaiming();
    }

    /**
     * Stops claiming and interrupts running task handlers; their attempts are handed back to the queue
     * without counting as attempts. Workflow slices (short by nature) are let finish. Idempotent.
     */
    public void shutdownNow() {
        shutdown();
        dispatcher.interruptTasks();
    }

    /** Waits until the work in progress has ended after a shutdown; true when it did within {@code timeout}. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        synchronized (lifecycle) {
            if (!shutDown) {
                throw new IllegalStateException("Call shutdown() or shutdownNow() before awaitTermination.");
            }
            if (!started) {
                return true;
            }
        }
        return dispatcher.awaitTermination(timeout);
    }

    /** {@link #shutdown()}, then waits up to 30 seconds, then {@link #shutdownNow()}. */
    @Override
    public void close() {
        shutdown();
        try {
            if (!awaitTermination(Duration.ofSeconds(30))) {
                shutdownNow();
                awaitTermination(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Items (slices and task attempts) being worked on now. */
    public int running() {
        return dispatcher.running();
    }

    /** Whether the worker's LISTEN connection is up (it reconnects by itself after a database outage). */
    public boolean listening() {
        return dispatcher.listening();
    }

    private static String defaultId() {
        return Host.name() + "-" + Host.pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Configures a {@link Worker}; every setting but the data source has a default. */
    public static final class Builder {
        private final DataSource dataSource;
        private final LinkedHashSet<String> queues = new LinkedHashSet<>();
        private int concurrency = DEFAULT_CONCURRENCY;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration lease = DEFAULT_LEASE;
        private Duration rescueInterval = DEFAULT_RESCUE_INTERVAL;
        private ObjectMapper mapper = new ObjectMapper();
        private TaskHandlers handlers = TaskHandlers.of();
        private Limits limits = Limits.DEFAULTS;
        private int maxChildDepth = DEFAULT_MAX_CHILD_DEPTH;
        private int checkpointHistory = DEFAULT_CHECKPOINT_HISTORY;
        private boolean keepCheckpointHistoryAfterEnd;
        private String id;
        private boolean failFast;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private MeterRegistry meterRegistry;
        private OpenTelemetry openTelemetry;
        private boolean fireSchedules = true;
        private boolean eagerTasks = DEFAULT_EAGER_TASKS;
        private final Map<String, Integer> taskConcurrency = new java.util.HashMap<>();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The queues to claim from (default: {@code default}). */
        public Builder queues(String... names) {
            for (String name : names) {
                queues.add(Identifiers.require(Identifiers.Kind.QUEUE, name));
            }
            return this;
        }

        /** How many slices and task attempts may run at once (default 16). */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /**
         * Registers the handler of task {@code name}, over JSON.
         *
         * @throws IllegalArgumentException when the task already has a handler
         */
        public Builder task(String name, TaskHandler handler) {
            handlers = handlers.with(name, handler);
            return this;
        }

        /** Registers the handler of task {@code name}, over a type Jackson reads the input as. */
        public <I, O> Builder task(String name, Class<I> inputType, TypedTaskHandler<I, O> handler) {
            handlers = handlers.with(name, inputType, handler);
            return this;
        }

        /** Registers every handler of {@code handlers} (the value a {@code FlowTest} takes too). */
        public Builder handlers(TaskHandlers handlers) {
            this.handlers = this.handlers.with(Objects.requireNonNull(handlers, "handlers"));
            return this;
        }

        /** The handlers registered so far, as a value: what the test kit runs for a "register my tasks" method. */
        public TaskHandlers registered() {
            return handlers;
        }

        /** The Jackson mapper for handler inputs and results (default: a plain {@code ObjectMapper}). */
        public Builder objectMapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /**
         * How often to look for work when no notification comes and nothing is due (default 60 s, jittered
         * ±20%): new work is found by LISTEN/NOTIFY and timers and retries at their due time, so this is only
         * a safety net. It also paces the sweeps for concurrency admissions and schedules and the LISTEN
         * connection's liveness check. Tests that must not rely on notifications can set it short.
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive(interval, "pollInterval");
            return this;
        }

        /**
         * How long an item stays this worker's without renewal (default 30 s; renewed every third of it).
         * When a worker dies, its items are taken over by others this long after its last renewal.
         */
        public Builder lease(Duration lease) {
            this.lease = positive(lease, "lease");
            return this;
        }

        /**
         * The shortest wait between two looks for expired leases of dead workers (default 5 s, jittered
         * ±20%). A worker looks when the earliest lease it saw runs out, and with no lease at all after one
         * lease duration (at most a minute), so an idle cluster does not poll for them.
         */
        public Builder rescueInterval(Duration interval) {
            this.rescueInterval = positive(interval, "rescueInterval");
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * How deep child workflows may nest (default {@link ChildDepth#DEFAULT_LIMIT}, 100): a {@code Workflow.run} that would start a child
         * deeper fails with a {@code LimitError}, so a workflow that starts itself cannot grow without bound.
         */
        public Builder maxChildDepth(int depth) {
            this.maxChildDepth = ChildDepth.requireValid(depth);
            return this;
        }

        /**
         * How many steps of checkpoint history each execution keeps (default {@link #DEFAULT_CHECKPOINT_HISTORY},
         * 1,000; 0 keeps none): the checkpoint of every await, which {@code handle.steps()} lists and
         * {@code rewind} and {@code fork} go back to; beyond it the oldest steps are dropped, so a loop of a million
         * awaits keeps only its last ones. The setting of the worker that runs a slice applies.
         */
        public Builder checkpointHistory(int steps) {
            this.checkpointHistory = new HistoryRetention(steps, false).maxSteps();
            return this;
        }

        /**
         * Keeps the checkpoint history of executions that complete or are cancelled (default false: dropped at
         * the end; a failed execution keeps it either way, since it can be retried or rewound). Kept steps go
         * with their execution when retention prunes it ({@code RondoClient.prune}).
         */
        public Builder keepCheckpointHistoryAfterEnd(boolean keep) {
            this.keepCheckpointHistoryAfterEnd = keep;
            return this;
        }

        /** This worker's id (default: host name, process id and a random suffix); unique per running worker. */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * How often this worker updates its row in the {@code workers} table (default
         * {@link #DEFAULT_HEARTBEAT_INTERVAL}, jittered ±20%): its last-seen time and how many items it works
         * on. A worker that holds nothing beats every twelve intervals instead (at most every minute).
         * {@code describe} uses it to say when no worker serves a queue.
         */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = positive(interval, "heartbeatInterval");
            return this;
        }

        /**
         * Whether {@link Worker#start()} fails at once when the database cannot be reached (default false:
         * it waits for it, trying again with a capped, jittered backoff and a warning per try).
         */
        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /**
         * Reports metrics to {@code registry} (docs/observability.md lists them: slices, task attempts, claim
         * batches, start and resume latency, queue depth and oldest age, in-flight and free slots). Without
         * one (the default) nothing is measured and nothing is paid.
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Whether this worker fires schedules (default true; docs/scheduling.md): it starts the workflows of
         * due schedules, whatever their queue, within milliseconds of their fire time. Any number of workers
         * may fire; each fire time is started once. Turn it off for workers that should only run work.
         */
        public Builder fireSchedules(boolean fire) {
            this.fireSchedules = fire;
            return this;
        }

        /**
         * Whether the tasks a workflow's slice starts run at once on this worker, in the slots it has free
         * (default {@link #DEFAULT_EAGER_TASKS}, off; docs/engine.md, "How a task gets to a worker"): the slice's
         * own statement leases their queue items to this worker, so they need no claim. Only tasks of this
         * worker's queues that it has a handler for, with no concurrency key, rate limit or fairness key, on a
         * queue that is not paused, and only as many as it has slots free (its claims take theirs first); the
         * others are claimed by any worker as usual. Worth it for workflows of sequential steps and workers
         * with slots to spare: each step is a claim round trip shorter.
         */
        public Builder eagerTasks(boolean eager) {
            this.eagerTasks = eager;
            return this;
        }

        /**
         * Reports spans to {@code openTelemetry}: one per slice, per task attempt and per execution (at its end),
         * each a child of the span that started the execution (its trace context is stored with it, so the
         * trace continues across workers, restarts and days). Without it (the default) no span is made.
         */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /**
         * At most {@code limit} tasks named {@code task} run at once, across all workers (docs/scheduling.md):
         * the default for a {@code Task.run} of that name that gives no {@code concurrency} option, under the key
         * {@code task:<name>}. It is applied by the worker that runs the workflow's slice, so give every worker
         * of the workflows' queues the same setting.
         */
        public Builder taskConcurrency(String task, int limit) {
            dev.rondo.core.Identifiers.require(dev.rondo.core.Identifiers.Kind.TASK_NAME, task);
            if (limit < 1) {
                throw new IllegalArgumentException("The concurrency limit of task '" + task + "' must be 1 or more, not " + limit + ".");
            }
            taskConcurrency.put(task, limit);
            return this;
        }

        public Worker build() {
            if (queues.isEmpty()) {
                queues.add(DEFAULT_QUEUE);
            }
            // the handlers with the mapper chosen last, whatever the order of the calls
            return new Worker(this, handlers.bind(mapper));
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, not " + d);
            }
            return d;
        }
    }
}

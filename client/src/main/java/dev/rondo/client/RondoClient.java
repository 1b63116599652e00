package dev.rondo.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.client.internal.Lookups;
import dev.rondo.client.internal.Operator;
import dev.rondo.client.internal.TimeOrderedIds;
import dev.rondo.client.internal.AttributesJson;
import dev.rondo.core.AstCodec;
import dev.rondo.core.Attributes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import dev.rondo.core.Compilation;
import dev.rondo.core.CompileException;
import dev.rondo.core.Diagnostic;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.FlowCompiler;
import dev.rondo.core.FlowFiles;
import dev.rondo.core.Identifiers;
import dev.rondo.core.Payloads;
import dev.rondo.core.RondoException;
import dev.rondo.core.ast.Program;
import dev.rondo.migrations.Migrations;
import dev.rondo.store.DefinitionDao;
import dev.rondo.store.ExecutionKind;
import dev.rondo.store.QueryDao;
import dev.rondo.store.QueueControl;
import dev.rondo.store.RetentionDao;
import dev.rondo.store.Store;
import dev.rondo.store.Transactions;
import dev.rondo.store.WorkflowStart;
import dev.rondo.store.LimitStatements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Rondo's Java client: deploys workflows to a PostgreSQL database, starts them and lists them; a
 * {@link WorkflowHandle} signals, cancels, describes and waits for one. Thread-safe; create one per
 * database and share it. Executions are run by {@code Worker}s (module rondo-worker).
 *
 * <pre>{@code
 * RondoClient rondo = RondoClient.create(dataSource);   // brings the schema up to date
 * rondo.deploy(Path.of("flows"));
 * WorkflowHandle order = rondo.start("orders/process", new Order(42, "ann"), StartOptions.DEFAULT.withId("order-42"));
 * }</pre>
 *
 * <p>Inputs and signal payloads are JSON text ({@code String}) or any object, which the client's Jackson
 * {@code ObjectMapper} writes ({@link #create(DataSource, ObjectMapper)}; a plain {@code new ObjectMapper()}
 * by default). Every exception it throws for a caller to catch is a {@link RondoException}.
 */
public final class RondoClient implements AutoCloseable {

    /** Connections {@link #connect} pools: a client mostly starts and signals, a few at a time. */
    public static final int DEFAULT_POOL_SIZE = 4;

    /** For deploy and prune only, made on first use: one-shot commands that start, signal or read load no jdbi. */
    private volatile Jdbi jdbi;
    private final DataSource dataSource;
    /** The pool this client made itself (connect), closed with it; null for a caller's data source. */
    private final HikariDataSource ownPool;
    /** Writes object inputs and payloads; null until first needed for the default one (loading Jackson databind costs a one-shot command). */
    private final ObjectMapper mapper;

    /** Spans of starts, or null: no tracing, no cost. */
    private final Tracer tracer;
    /** The time starts take, or null: no metrics, no cost. */
    private final MeterRegistry meters;
    /** Who operator actions are recorded as (withOperator); null for the default, {@code <OS user>@<host>}. */
    private final String operator;

    private RondoClient(DataSource dataSource, HikariDataSource ownPool, ObjectMapper mapper, Tracer tracer,
                        MeterRegistry meters, String operator) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.mapper = mapper;
        this.tracer = tracer;
        this.meters = meters;
        this.operator = operator;
    }

    private RondoClient(DataSource dataSource, HikariDataSource ownPool, ObjectMapper mapper) {
        this(dataSource, ownPool, mapper, null, null, null);
    }

    private Jdbi jdbi() {
        Jdbi made = jdbi;
        if (made == null) {
            synchronized (this) {
                if (jdbi == null) {
                    jdbi = Store.jdbi(dataSource);
                }
                made = jdbi;
            }
        }
        return made;
    }

    /**
     * This client with tracing (docs/observability.md): each {@link #start} makes a span
     * {@code rondo start <workflow>} whose parent is the caller's current span, and stores its context with
     * the execution, so the spans of its slices and tasks, on any worker and any day, join the same trace.
     * The returned client shares this one's connections; close this one to close them.
     */
    public RondoClient withOpenTelemetry(OpenTelemetry openTelemetry) {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        return new RondoClient(dataSource, null, mapper, openTelemetry.getTracer(INSTRUMENTATION), meters, operator);
    }

    /**
     * This client with metrics (docs/observability.md): {@code rondo.client.starts}, a timer of starts by
     * workflow and outcome. Shares this one's connections; close this one to close them.
     */
    public RondoClient withMeterRegistry(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return new RondoClient(dataSource, null, mapper, tracer, registry, operator);
    }

    /**
     * This client recording its operator actions (cancel, pause, retry, …; docs/operations.md) in each
     * execution's history as done by {@code operator} (a person or a service, e.g. {@code "ann@ops"}),
     * instead of the default {@code <OS user>@<host>}. Shares this one's connections; close this one to
     * close them.
     *
     * @throws IllegalArgumentException when {@code operator} is blank, longer than 200 characters or holds a
     *                                  control character
     */
    public RondoClient withOperator(String operator) {
        return new RondoClient(dataSource, null, mapper, tracer, meters, Operator.check(operator));
    }

    /** Who this client's operator actions are recorded as ({@link #withOperator}). */
    public String operator() {
        return operator != null ? operator : Operator.defaultName();
    }

    /** The instrumentation scope name of Rondo's spans. */
    public static final String INSTRUMENTATION = "dev.rondo";

    /** A client on {@code dataSource}; applies any missing migrations first (safe from many processes at once). */
    public static RondoClient create(DataSource dataSource) {
        return create(dataSource, null);
    }

    /**
     * {@link #create(DataSource)} writing object inputs and signal payloads with {@code mapper} (the
     * application's own, with its modules and naming); null for a plain {@code ObjectMapper}.
     */
    public static RondoClient create(DataSource dataSource, ObjectMapper mapper) {
        Objects.requireNonNull(dataSource, "dataSource");
        migrate(dataSource);
        return new RondoClient(dataSource, null, mapper);
    }

    /**
     * A client on the same database (and pool) as this one that writes object inputs and payloads with
     * {@code mapper}; closing it leaves the pool open (close this client for that).
     */
    public RondoClient withObjectMapper(ObjectMapper mapper) {
        return new RondoClient(dataSource, null, Objects.requireNonNull(mapper, "mapper"), tracer, meters, operator);
    }

    private static void migrate(DataSource dataSource) {
        try {
            Migrations.apply(dataSource);
        } catch (IllegalStateException e) { // the database cannot be reached
            throw new RondoException(e.getMessage(), e);
        }
    }

    /**
     * A client with a connection pool of its own on {@code url} ({@code jdbc:postgresql://…} or
     * {@code postgres://user:password@host:port/db}); {@link #close()} closes the pool. Applies any missing
     * migrations first.
     */
    public static RondoClient connect(String url) {
        return connect(url, DEFAULT_POOL_SIZE);
    }

    /**
     * {@link #connect(String)} with a pool of {@code poolSize} connections, for a process that also runs a
     * {@code Worker} on {@link #dataSource()} (give it the worker's concurrency plus a few).
     */
    public static RondoClient connect(String url, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(DatabaseUrls.toJdbc(url));
        config.setPoolName("rondo-client");
        config.setMaximumPoolSize(poolSize);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new RondoException("Cannot connect to " + DatabaseUrls.redact(url) + ": " + rootMessage(e), e);
        }
        try {
            migrate(pool);
            return new RondoClient(pool, pool, null);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The data source this client uses (its own pool after {@link #connect}); a worker may share it. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Closes the pool {@link #connect} made; a caller's data source is left open. Idempotent. */
    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /**
     * Compiles and deploys {@code .flow} files and folders (a folder's files are named by their path below
     * it, LANGUAGE.md §1), with the schedules a folder declares in its {@code schedules.json} and the named
     * limits it declares in its {@code limits.json} (docs/scheduling.md): created, changed, or deleted when no
     * longer declared. All or nothing: when any file has a problem, {@link CompileException} lists every
     * diagnostic of every file and nothing is deployed. Deploying a new version of a workflow affects only
     * executions started afterwards.
     *
     * @throws IllegalArgumentException when a path does not exist, or a {@code schedules.json} or {@code limits.json}
     *                                  has a mistake
     */
    public List<Deployment> deploy(Path... paths) {
        FlowFiles.Found found = FlowFiles.collect(Arrays.asList(paths));
        List<Diagnostic> problems = new ArrayList<>(found.problems());
        List<Compiled> compiled = new ArrayList<>();
        for (FlowFiles.FlowFile file : found.files()) {
            Compilation compilation = FlowCompiler.compile(file.displayPath(), file.bytes());
            problems.addAll(compilation.diagnostics());
            if (compilation.ok()) {
                // Runtime errors name the workflow's own file, whatever folder it was deployed from.
                Program program = new Program(file.name() + ".flow", compilation.program().body());
                compiled.add(new Compiled(file.name(), sha256(file.bytes()),
                        new String(file.bytes(), StandardCharsets.UTF_8), AstCodec.toJson(program), file.displayPath(),
                        compilation.limits()));
            }
        }
        if (!problems.isEmpty()) {
            throw new CompileException(problems);
        }
        List<String> scheduleProblems = new ArrayList<>();
        ScheduleFiles.Declared declared = ScheduleFiles.read(Arrays.asList(paths), scheduleProblems);
        LimitFiles.Found limits = LimitFiles.read(Arrays.asList(paths), scheduleProblems);
        if (!scheduleProblems.isEmpty()) {
            throw new IllegalArgumentException("Nothing was deployed: " + String.join("; ", scheduleProblems) + ".");
        }
        return jdbi().inTransaction(handle -> {
            checkLimitNames(handle.getConnection(), compiled, limits, declared.workflows());
            DefinitionDao definitions = handle.attach(DefinitionDao.class);
            List<Deployment> deployed = new ArrayList<>();
            for (Compiled c : compiled) {
                definitions.insertDefinition(c.name, c.hash, c.source, c.ast);
                deployed.add(new Deployment(c.name, c.hash, definitions.setHead(c.name, c.hash) > 0));
            }
            if (!declared.none()) {
                Schedules.declare(handle.getConnection(), declared.schedules(), declared.workflows());
                Limits.declare(handle.getConnection(), limits.limits(), declared.workflows());
            }
            return deployed;
        });
    }

    /**
     * The flows deployed with a limits.json name only limits that it declares or that exist apart from it
     * (set by hand, or declared with other workflows), of the kind they ask for; otherwise nothing is deployed
     * and each reference is a diagnostic at its position (docs/scheduling.md, "Named limits").
     */
    private static void checkLimitNames(Connection connection, List<Compiled> compiled, LimitFiles.Found limits,
                                        List<String> workflows) {
        if (limits.fileOf().isEmpty()) {
            return;
        }
        java.util.Map<String, Boolean> elsewhere = new java.util.HashMap<>();
        List<LimitStatements.Row> rows;
        try {
            rows = LimitStatements.list(connection, null);
        } catch (SQLException e) {
            throw new Transactions.DatabaseException(e);
        }
        for (LimitStatements.Row row : rows) {
            if (row.declaredFor() == null || java.util.Collections.disjoint(row.declaredFor(), workflows)) {
                elsewhere.put(row.name(), LimitStatements.RATE.equals(row.kind()));
            }
        }
        List<Diagnostic> problems = new ArrayList<>();
        for (Compiled c : compiled) {
            problems.addAll(LimitFiles.undeclared(limits, c.name(), c.displayPath(), c.limits(), elsewhere));
        }
        if (!problems.isEmpty()) {
            throw new CompileException(problems);
        }
    }

    /** The named limits of this database: set, list, delete (docs/scheduling.md, "Named limits"). */
    public Limits limits() {
        return new Limits(dataSource);
    }

    /** The schedules of this database: create, list, pause, trigger, backfill, ... (docs/scheduling.md). */
    public Schedules schedules() {
        return new Schedules(dataSource, mapper);
    }

    /**
     * Starts workflow {@code name} with {@code inputJson} (any JSON value; {@code null} means {@code {}}):
     * the execution, pinned to the version deployed now, and its queue item are written in one transaction
     * that also wakes the queue's workers. With {@link StartOptions#id()} set, starting the same workflow
     * again returns the existing execution and starts nothing.
     *
     * @throws RondoException.UnknownWorkflow when no workflow of that name is deployed
     * @throws RondoException.IdConflict      when the id is taken by an execution of another workflow
     * @throws RondoException.InvalidPayload  when the input is not JSON, larger than 4 MiB, or holds a NUL
     *                                        character (U+0000, which PostgreSQL text cannot hold)
     * @throws IllegalArgumentException       when the name is not one Rondo accepts ({@link Identifiers})
     */
    public WorkflowHandle start(String name, String inputJson, StartOptions options) {
        String id = newId(options);
        String input = checkedInput(name, inputJson);
        return startChecked(id, name, input, options);
    }

    /**
     * {@link #start(String, String, StartOptions)} with {@code input} written as JSON by the client's
     * {@code ObjectMapper} (a record, a map, a list, a number; {@code null} means {@code {}}). A
     * {@code String} passed here as an {@code Object} becomes a JSON string; pass JSON text to the
     * {@code String} overload.
     *
     * @throws RondoException.InvalidPayload when Jackson cannot write the input, or its JSON breaks the
     *                                       rules of the {@code String} overload; nothing is started then
     */
    public WorkflowHandle start(String name, Object input, StartOptions options) {
        String id = newId(options);
        String checked = checkedInput(name, input);
        return startChecked(id, name, checked, options);
    }

    private WorkflowHandle startChecked(String id, String name, String input, StartOptions options) {
        if (tracer != null || meters != null) {
            return instrumented(name, id, () -> startOwn(id, name, input, options));
        }
        return startOwn(id, name, input, options);
    }

    private WorkflowHandle startOwn(String id, String name, String input, StartOptions options) {
        if (options.debounceKey() != null) {
            // several statements under the key's row lock: a transaction of its own
            String runs = Transactions.retrying(dataSource, c -> debouncedStart(c, id, name, input, options));
            return new WorkflowHandle(dataSource, mapper, operator, runs);
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                insertStart(connection, id, name, input, options); // one statement: in auto-commit mode, it commits by itself
                if (!autoCommit) {
                    connection.commit();
                }
                if (waitingKey(options) != null) {
                    admit(waitingKey(options));
                }
            } catch (SQLException | RuntimeException e) {
                if (!autoCommit) {
                    connection.rollback();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw startFailed(name, e);
        }
        return new WorkflowHandle(dataSource, mapper, operator, id);
    }

    /**
     * {@link #start(String, String, StartOptions)} inside the caller's own transaction on {@code connection},
     * so a workflow starts if and only if the caller's rows commit: nothing is visible, and no worker is
     * woken, before the caller commits, and a rollback takes the start with it. The connection is left open
     * and uncommitted (when it is in auto-commit mode, the start is committed by itself).
     */
    public WorkflowHandle start(Connection connection, String name, String inputJson, StartOptions options) {
        Objects.requireNonNull(connection, "connection");
        String id = newId(options);
        String input = checkedInput(name, inputJson);
        return startIn(connection, id, name, input, options);
    }

    /** {@link #start(Connection, String, String, StartOptions)} with {@code input} written as {@link #start(String, Object, StartOptions)} does. */
    public WorkflowHandle start(Connection connection, String name, Object input, StartOptions options) {
        Objects.requireNonNull(connection, "connection");
        String id = newId(options);
        String checked = checkedInput(name, input);
        return startIn(connection, id, name, checked, options);
    }

    private WorkflowHandle startIn(Connection connection, String id, String name, String input, StartOptions options) {
        if (tracer != null || meters != null) {
            return instrumented(name, id, () -> startOn(connection, id, name, input, options));
        }
        return startOn(connection, id, name, input, options);
    }

    private WorkflowHandle startOn(Connection connection, String id, String name, String input, StartOptions options) {
        try {
            if (options.debounceKey() != null) {
                return new WorkflowHandle(dataSource, mapper, operator, debouncedStartOn(connection, id, name, input, options));
            }
            insertStart(connection, id, name, input, options);
            if (waitingKey(options) != null && connection.getAutoCommit()) {
                admit(waitingKey(options)); // in the caller's transaction, the workers' sweep admits it after the commit
            }
        } catch (SQLException e) {
            throw startFailed(name, e);
        }
        return new WorkflowHandle(dataSource, mapper, operator, id);
    }

    /**
     * Signal-with-start: starts workflow {@code workflow} as execution {@code id} with {@code inputJson} if
     * no execution has that id, and sends it signal {@code signal} with {@code payloadJson}, in the same
     * transaction (so its first slice already finds the signal); if the execution exists (the same
     * workflow) and has not ended, only sends the signal. For "create or notify" patterns: one execution
     * per cart, per customer, per device, fed by events. Two calls racing on a new id make one execution,
     * which gets both signals, in the order the calls committed. Inputs are checked as {@code start} and
     * {@code signal} check them.
     *
     * <pre>{@code
     * rondo.startOrSignal("cart-42", "shop/cart", "{\"user\": 42}", "add", "{\"sku\": \"A-1\"}");
     * }</pre>
     *
     * @throws RondoException.UnknownWorkflow   when no workflow of that name is deployed
     * @throws RondoException.IdConflict        when the id belongs to an execution of another workflow (or a task)
     * @throws RondoException.ExecutionFinished when the execution with that id has ended: it takes no more
     *                                          signals, and the id is not started again (nothing is written)
     * @throws RondoException.InvalidPayload    when the input or payload is not JSON, over 4 MiB or holds a NUL
     * @throws IllegalArgumentException         when a name or the id is not one Rondo accepts
     */
    public StartOrSignal startOrSignal(String id, String workflow, String inputJson, String signal, String payloadJson) {
        return startOrSignal(id, workflow, inputJson, StartOptions.DEFAULT, signal, payloadJson);
    }

    /**
     * {@link #startOrSignal(String, String, String, String, String)} with the input and payload written as JSON
     * by the client's {@code ObjectMapper}, as {@link #start(String, Object, StartOptions)} writes them.
     */
    public StartOrSignal startOrSignal(String id, String workflow, Object input, String signal, Object payload) {
        return startOrSignal(id, workflow, input, StartOptions.DEFAULT, signal, payload);
    }

    /**
     * {@link #startOrSignal(String, String, String, String, String)} with the start's options (queue,
     * priority, delay, attributes, concurrency), used only when it starts the execution. Their id, if set,
     * must be {@code id}; a debounced start does not combine with a signal.
     */
    public StartOrSignal startOrSignal(String id, String workflow, String inputJson, StartOptions options, String signal,
                                       String payloadJson) {
        checkStartOrSignal(id, options, signal);
        String input = checkedInput(workflow, inputJson);
        String payload = Payloads.normalize(payloadJson == null ? "null" : payloadJson, "signal payload");
        return startOrSignalChecked(id, workflow, input, options, signal, payload);
    }

    /** {@link #startOrSignal(String, String, String, StartOptions, String, String)} with objects written as JSON. */
    public StartOrSignal startOrSignal(String id, String workflow, Object input, StartOptions options, String signal,
                                       Object payload) {
        checkStartOrSignal(id, options, signal);
        String checked = checkedInput(workflow, input);
        String payloadJson = payload == null ? "null"
                : Payloads.write(WorkflowHandle.mapperOrDefault(mapper), payload, "signal payload");
        return startOrSignalChecked(id, workflow, checked, options, signal, payloadJson);
    }

    /**
     * {@link #startOrSignal(String, String, String, StartOptions, String, String)} inside the caller's own
     * transaction on {@code connection}: the start and the signal commit with the caller's rows (or alone,
     * when the connection is in auto-commit mode). A concurrent call for the same new id waits for this
     * transaction, then signals the execution it started.
     */
    public StartOrSignal startOrSignal(Connection connection, String id, String workflow, String inputJson,
                                       StartOptions options, String signal, String payloadJson) {
        Objects.requireNonNull(connection, "connection");
        checkStartOrSignal(id, options, signal);
        String input = checkedInput(workflow, inputJson);
        String payload = Payloads.normalize(payloadJson == null ? "null" : payloadJson, "signal payload");
        try {
            boolean ownTransaction = connection.getAutoCommit();
            StartOrSignal done = Transactions.onCallersConnection(connection,
                    c -> startOrSignalOn(c, id, workflow, input, options, signal, payload));
            // admitted after the commit; in the caller's transaction the commit's NOTIFY wakes an admitter
            if (ownTransaction && done.started() && waitingKey(options) != null) {
                admit(waitingKey(options));
            }
            return done;
        } catch (SQLException e) {
            throw startFailed(workflow, e);
        }
    }

    private static void checkStartOrSignal(String id, StartOptions options, String signal) {
        Objects.requireNonNull(options, "options");
        Identifiers.require(Identifiers.Kind.EXECUTION_ID, Objects.requireNonNull(id, "id")); // as a start's id
        Identifiers.require(Identifiers.Kind.SIGNAL_NAME, Objects.requireNonNull(signal, "signal"));
        if (options.id() != null && !options.id().equals(id)) {
            throw new IllegalArgumentException("startOrSignal was given the id '" + id + "' and options with the id '"
                    + options.id() + "'; give one id (the options' id may be left unset).");
        }
        if (options.debounceKey() != null) {
            throw new IllegalArgumentException("startOrSignal does not debounce: a signal goes to one execution at"
                    + " once. Start without debounce options, or use start(...) with them and signal separately.");
        }
    }

    private StartOrSignal startOrSignalChecked(String id, String workflow, String input, StartOptions options,
                                               String signal, String payload) {
        StartOrSignal done = Transactions.retrying(dataSource,
                connection -> startOrSignalOn(connection, id, workflow, input, options, signal, payload));
        if (done.started() && waitingKey(options) != null) {
            admit(waitingKey(options));
        }
        return done;
    }

    /** The start (which waits for an uncommitted start of the same id), then the signal under the row's lock. */
    private StartOrSignal startOrSignalOn(Connection connection, String id, String workflow, String input,
                                          StartOptions options, String signal, String payload) throws SQLException {
        WorkflowStart.Outcome outcome = WorkflowStart.insert(connection, id, workflow, options.queue(), options.priority(),
                input, options.delay().toMillis(), Attributes.toJson(options.attributes()), traceContext(),
                waitingKey(options), limitOf(connection, options), options.limitName(), options.fairKey(), options.fairWeight());
        checkStarted(id, workflow, outcome);
        var placement = dev.rondo.store.SignalWithStart.signalUnfinished(connection, id, signal, payload);
        if (placement.isEmpty()) {
            String status = new dev.rondo.store.ExecutionDao(connection).statusOf(id).orElseThrow();
            throw new RondoException.ExecutionFinished(id, ExecutionStatus.of(status), "signals: startOrSignal starts"
                    + " an execution only under an id no execution has; use a new id to start another");
        }
        if (!outcome.started()) {
            // wakes it as signal() does; a fresh start's own queue item (at its delay) already will
            new dev.rondo.store.ExecutionDao(connection).enqueue(id, placement.get().queue(), placement.get().priority(), 0);
        }
        return new StartOrSignal(new WorkflowHandle(dataSource, mapper, operator, id), outcome.started());
    }

    /** The start's span (made current, so insertStart stores its context) and its timer. */
    private WorkflowHandle instrumented(String name, String id, java.util.function.Supplier<WorkflowHandle> start) {
        long began = System.nanoTime();
        Span span = tracer == null ? null : tracer.spanBuilder("rondo start " + name).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("rondo.workflow", name).setAttribute("rondo.execution.id", id).startSpan();
        String outcome = "started";
        try (Scope ignored = span == null ? null : span.makeCurrent()) {
            return start.get();
        } catch (RuntimeException e) {
            outcome = "failed";
            if (span != null) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            }
            throw e;
        } finally {
            if (span != null) {
                span.end();
            }
            if (meters != null) {
                Timer.builder("rondo.client.starts").description("Workflow starts by this client")
                        .tag("workflow", name).tag("outcome", outcome).register(meters)
                        .record(System.nanoTime() - began, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
    }

    /**
     * Starts a new execution from a checkpoint of execution {@code originId} ({@link WorkflowHandle#fork(int, String)}):
     * {@code step} null for its latest checkpoint, {@code newId} null for an id Rondo chooses.
     */
    public WorkflowHandle fork(String originId, Integer step, String newId) {
        java.util.Objects.requireNonNull(originId, "originId");
        String id = new CheckpointActions(dataSource).fork(originId, step, newId, operator());
        return new WorkflowHandle(dataSource, mapper, operator, id);
    }

    /** The W3C traceparent of the current span when this client traces, else null. */
    private String traceContext() {
        if (tracer == null) {
            return null;
        }
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** Admits what waits for a slot of {@code key} (a start over the limit stays waiting). */
    private void admit(String key) {
        dev.rondo.store.Transactions.retrying(dataSource, c -> dev.rondo.store.ConcurrencyStatements.admit(c, key));
    }

    private static RondoException startFailed(String name, SQLException e) {
        return new RondoException("Cannot start workflow '" + name + "': " + e.getMessage(), e);
    }

    private static String newId(StartOptions options) {
        Objects.requireNonNull(options, "options");
        return options.id() != null ? options.id() : TimeOrderedIds.next().toString();
    }

    private static String checkedInput(String name, String inputJson) {
        Objects.requireNonNull(name, "name");
        Identifiers.require(Identifiers.Kind.WORKFLOW_NAME, name);
        return Payloads.normalize(inputJson == null ? "{}" : inputJson, "workflow input");
    }

    private String checkedInput(String name, Object input) {
        if (input == null) {
            return checkedInput(name, (String) null);
        }
        Objects.requireNonNull(name, "name");
        Identifiers.require(Identifiers.Kind.WORKFLOW_NAME, name);
        return Payloads.write(WorkflowHandle.mapperOrDefault(mapper), input, "workflow input");
    }

    /** A debounced start on the caller's connection: in its transaction, or in one of its own when it auto-commits. */
    private String debouncedStartOn(Connection connection, String id, String name, String input, StartOptions options)
            throws SQLException {
        return Transactions.onCallersConnection(connection, c -> debouncedStart(c, id, name, input, options));
    }

    /** A debounced start (docs/scheduling.md, "Debounce"); returns the id of the execution that will run. */
    private String debouncedStart(Connection connection, String id, String name, String input, StartOptions options)
            throws SQLException {
        dev.rondo.store.DebounceStatements.Outcome outcome = dev.rondo.store.DebounceStatements.start(connection,
                options.debounceKey(), options.debounceKeepFirst(), id, name, options.queue(), options.priority(), input,
                options.debounceDelay().toMillis(),
                options.debounceMaxWait() == null ? null : options.debounceMaxWait().toMillis(),
                Attributes.toJson(options.attributes()), traceContext());
        if (outcome.created()) {
            checkStarted(id, name, outcome.start());
        }
        return outcome.executionId();
    }

    /** The execution, pinned to the current version, and its first queue item (which wakes the queue), in one statement. */
    private void insertStart(Connection connection, String id, String name, String input, StartOptions options)
            throws SQLException {
        WorkflowStart.Outcome outcome = WorkflowStart.insert(connection, id, name, options.queue(), options.priority(),
                input, options.delay().toMillis(), Attributes.toJson(options.attributes()), traceContext(),
                waitingKey(options), limitOf(connection, options), options.limitName(), options.fairKey(), options.fairWeight());
        checkStarted(id, name, outcome);
    }

    /**
     * The limit a start waits under: the number it gives, or the current value of the named limit it refers
     * to (docs/scheduling.md, "Named limits"; admissions read it again).
     *
     * @throws RondoException.UnknownLimit when that limit is not declared, or is of the other kind: nothing starts
     */
    private static int limitOf(Connection connection, StartOptions options) throws SQLException {
        boolean rate = options.rateLimitKey() != null;
        if (options.limitName() == null) {
            return rate ? options.ratePerSecond() : options.concurrencyLimit();
        }
        String wanted = rate ? LimitStatements.RATE : LimitStatements.CONCURRENCY;
        LimitStatements.Value found = LimitStatements.resolve(connection, List.of(options.limitName())).get(options.limitName());
        if (found == null || !found.kind().equals(wanted)) {
            throw new RondoException.UnknownLimit(options.limitName(),
                    "Nothing was started: " + LimitStatements.problem(options.limitName(), wanted, found));
        }
        return found.value();
    }

    /** The key a start waits on before its admission (null: none): its concurrency key, or its rate limit's. */
    private static String waitingKey(StartOptions options) {
        return options.rateLimitKey() != null ? dev.rondo.store.ConcurrencyStatements.rateKey(options.rateLimitKey())
                : options.concurrencyKey();
    }

    private static void checkStarted(String id, String name, WorkflowStart.Outcome outcome) {
        if (!outcome.deployed()) {
            throw new RondoException.UnknownWorkflow(name);
        }
        if (!outcome.started() && outcome.existingName() != null
                && (outcome.existingKind() != ExecutionKind.WORKFLOW || !outcome.existingName().equals(name))) {
            throw new RondoException.IdConflict(id, outcome.existingKind().sql(), outcome.existingName(), name);
        }
    }

    /**
     * Workflow executions, newest first, filtered and paged by {@code filter}.
     *
     * <pre>{@code
     * List<ExecutionSummary> page = rondo.list(ListFilter.ALL.withStatus(ExecutionStatus.FAILED).withLimit(20));
     * List<ExecutionSummary> next = rondo.list(filter.after(page.getLast().executionId()));
     * }</pre>
     */
    public List<ExecutionSummary> list(ListFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return Transactions.autocommit(dataSource, connection -> new QueryDao(connection)
                .list(filter.status() == null ? null : filter.status().text(), filter.workflow(),
                        filter.attributes().isEmpty() ? null : Attributes.toJson(filter.attributes()), filter.after(),
                        filter.limit())).stream()
                .map(r -> new ExecutionSummary(r.executionId(), r.workflow(), ExecutionStatus.of(r.status()), r.queue(),
                        r.createdAt(), r.finishedAt(), AttributesJson.read(r.attributes())))
                .toList();
    }

    /**
     * Applies {@code action} to every workflow execution {@code options} selects (docs/operations.md, "Bulk
     * actions"), newest first, one batch of {@link BulkOptions#batchSize} at a time, each execution in its own
     * short transaction through the {@link WorkflowHandle} call of the action (so no batch holds many
     * executions locked against the workers running them). The walk is a keyset cursor over (created_at, id)
     * that only moves on, so no execution is acted on twice in one run, and executions started during the run
     * are not reached; an interrupted run goes on from {@link BulkResult#cursor} ({@link
     * BulkOptions#withResumeAfter}). With {@link BulkOptions#dryRun} nothing changes.
     *
     * <pre>{@code
     * BulkResult r = rondo.bulk(BulkAction.CANCEL,
     *         BulkOptions.of(ListFilter.ALL.where("status=waiting").where("customer=c-42")).withDryRun(true));
     * System.out.println(r.matched() + " would be cancelled, e.g. " + r.sample());
     * }</pre>
     */
    public BulkResult bulk(BulkAction action, BulkOptions options) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(options, "options");
        ListFilter page = options.filter().withLimit(options.batchSize()).after(options.resumeAfter());
        long matched = 0;
        long changed = 0;
        long unchanged = 0;
        long refused = 0;
        int batches = 0;
        String cursor = options.resumeAfter();
        boolean interrupted = false;
        List<String> sample = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        while (true) {
            List<ExecutionSummary> rows = list(page);
            boolean last = rows.size() < options.batchSize();
            for (ExecutionSummary row : rows) {
                if (options.since() != null && row.createdAt().isBefore(options.since())) {
                    last = true; // newest first: every later row is older still
                    break;
                }
                if (options.stop() != null && options.stop().getAsBoolean()) {
                    interrupted = true;
                    break;
                }
                matched++;
                if (sample.size() < BulkOptions.SAMPLE_SIZE) {
                    sample.add(row.executionId());
                }
                if (!options.dryRun()) {
                    try {
                        if (action.apply(handle(row.executionId()))) {
                            changed++;
                        } else {
                            unchanged++;
                        }
                    } catch (RondoException.ActionRefused | RondoException.ExecutionFinished
                             | RondoException.UnknownExecution refusal) {
                        refused++;
                        if (refusals.size() < BulkOptions.SAMPLE_SIZE) {
                            refusals.add(refusal.getMessage());
                        }
                    }
                }
                cursor = row.executionId();
            }
            if (!rows.isEmpty()) {
                batches++;
            }
            BulkResult sofar = new BulkResult(action, options.dryRun(), matched, changed, unchanged, refused, batches,
                    cursor, interrupted, sample, refusals);
            if (options.onBatch() != null && !rows.isEmpty()) {
                options.onBatch().accept(sofar);
            }
            if (last || interrupted || rows.isEmpty()) {
                return sofar;
            }
            page = page.after(cursor);
        }
    }

    /**
     * Pauses {@code queue}: workers stop claiming its items (task attempts and workflow slices alike) at their
     * next claim, and finish what they hold; work keeps arriving and waits. Pausing a paused queue changes
     * nothing. Queue pauses are not recorded in any execution's history; {@link #pausedQueues()} says who.
     *
     * @return whether it was paused now (false: it was paused already)
     */
    public boolean pauseQueue(String queue) {
        Identifiers.require(Identifiers.Kind.QUEUE, queue);
        String by = operator();
        return Transactions.retrying(dataSource, connection -> new QueueControl(connection).pause(queue, by));
    }

    /**
     * Resumes a paused queue: its workers are notified and claim its due items at once.
     *
     * @return whether it was resumed now (false: it was not paused)
     */
    public boolean resumeQueue(String queue) {
        Identifiers.require(Identifiers.Kind.QUEUE, queue);
        return Transactions.retrying(dataSource, connection -> new QueueControl(connection).resume(queue));
    }

    /** The paused queues, by name, with who paused them, when, and how many items wait in each. */
    public List<PausedQueue> pausedQueues() {
        return Transactions.autocommit(dataSource, connection -> new QueueControl(connection).paused()).stream()
                .map(p -> new PausedQueue(p.queue(), p.pausedBy(), p.pausedAt(), p.waiting())).toList();
    }

    /**
     * Retention: deletes the workflow executions that {@code options} selects, those started by
     * {@link #start} (not child workflows on their own) that completed, failed or were cancelled or terminated more than
     * {@code olderThan} ago, each with everything it led to: its tasks and child workflows, their
     * checkpoints, signals, log lines, history and queue items. A tree in which anything has not finished
     * (a child workflow left running) is kept. Deletes in batches, one transaction each, oldest first,
     * skipping executions that a worker or another {@code prune} holds at that moment, so it can run beside
     * workers and another pruner; those are left to the next run.
     *
     * <pre>{@code
     * long deleted = rondo.prune(PruneOptions.olderThan(Duration.ofDays(30)));
     * }</pre>
     *
     * @return how many executions were deleted (with {@code dryRun}, how many would be), their trees not counted
     */
    public long prune(PruneOptions options) {
        Objects.requireNonNull(options, "options");
        Jdbi jdbi = jdbi();
        Instant cutoff = jdbi.withExtension(RetentionDao.class,
                dao -> dao.cutoff(options.olderThan().getSeconds() + options.olderThan().getNano() / 1e9));
        if (options.dryRun()) {
            return jdbi.withExtension(RetentionDao.class, dao -> dao.countPrunable(cutoff, options.workflow()));
        }
        long deleted = 0;
        RetentionDao.Batch batch = new RetentionDao.Batch(0, 0, null, null);
        do {
            RetentionDao.Batch after = batch;
            batch = jdbi.inTransaction(handle -> handle.attach(RetentionDao.class).pruneBatch(cutoff, options.workflow(),
                    after.lastFinishedAt(), after.lastId(), options.batchSize()));
            deleted += batch.deleted();
            if (batch.examined() > 0 && options.onBatch() != null) {
                options.onBatch().accept(deleted);
            }
        } while (batch.examined() > 0);
        return deleted;
    }

    /**
     * Moves the waiting, paused and failed executions of older versions of {@code workflow} onto its current
     * version (the last deployed), so they go on with the fixed code from their next slice
     * (docs/operations.md). Each execution's checkpoint is mapped onto the new program: the await it
     * stands at must have a counterpart there (same enclosing statements and awaited call, whatever moved
     * around it), every local it holds must still be declared there. What does not map is left untouched
     * and reported with the reason. Each move is one transaction that locks the execution as a slice does,
     * recorded in its history as {@code operator.upgrade}; a failed execution stays failed (retry it next).
     * Idempotent: executions already on the current version are not touched.
     *
     * <pre>{@code
     * UpgradeReport report = rondo.upgrade("orders/process", UpgradeOptions.DEFAULTS);
     * report.entries().stream().filter(e -> e.outcome() == UpgradeReport.Outcome.REFUSED)
     *       .forEach(e -> System.err.println(e.executionId() + ": " + e.reason()));
     * }</pre>
     *
     * @throws RondoException.UnknownWorkflow when no version of {@code workflow} was deployed
     */
    public UpgradeReport upgrade(String workflow, UpgradeOptions options) {
        Lookups.check(Identifiers.Kind.WORKFLOW_NAME, Objects.requireNonNull(workflow, "workflow"));
        Objects.requireNonNull(options, "options");
        return new dev.rondo.client.internal.Upgrader(dataSource, operator()).upgrade(workflow, options);
    }

    /**
     * The handle of an execution by id (its existence is not checked until used).
     *
     * @throws IllegalArgumentException when the id is empty or holds a control character, which no
     *                                  execution's id has
     */
    public WorkflowHandle handle(String id) {
        Lookups.check(Identifiers.Kind.EXECUTION_ID, Objects.requireNonNull(id, "id"));
        return new WorkflowHandle(dataSource, mapper, operator, id);
    }

    private record Compiled(String name, String hash, String source, String ast, String displayPath,
                            List<dev.rondo.core.LimitReference> limits) {}

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

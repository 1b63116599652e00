package dev.rondo.client;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.client.internal.DatabaseUrls;
import dev.rondo.client.internal.Lookups;
import dev.rondo.client.internal.Payloads;
import dev.rondo.core.AstCodec;
import dev.rondo.core.Compilation;
import dev.rondo.core.CompileException;
import dev.rondo.core.Diagnostic;
import dev.rondo.core.FlowCompiler;
import dev.rondo.core.FlowFiles;
import dev.rondo.core.Identifiers;
import dev.rondo.core.ast.Program;
import dev.rondo.migrations.Migrations;
import dev.rondo.store.DefinitionDao;
import dev.rondo.store.ExecutionKind;
import dev.rondo.store.QueryDao;
import dev.rondo.store.RetentionDao;
import dev.rondo.store.Store;
import dev.rondo.store.WorkflowStart;
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
import java.util.UUID;
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
 * WorkflowHandle order = rondo.start("orders/process", "{\"orderId\": 42}", StartOptions.DEFAULT.withId("order-42"));
 * }</pre>
 */
public final class RondoClient implements AutoCloseable {

    /** Connections {@link #connect} pools: a client mostly starts and signals, a few at a time. */
    public static final int DEFAULT_POOL_SIZE = 4;

    private final Jdbi jdbi;
    private final DataSource dataSource;
    /** The pool this client made itself (connect), closed with it; null for a caller's data source. */
    private final HikariDataSource ownPool;

    private RondoClient(DataSource dataSource, HikariDataSource ownPool) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.jdbi = Store.jdbi(dataSource);
    }

    /** A client on {@code dataSource}; applies any missing migrations first (safe from many processes at once). */
    public static RondoClient create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Migrations.apply(dataSource);
        return new RondoClient(dataSource, null);
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
            Migrations.apply(pool);
            return new RondoClient(pool, pool);
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
     * it, LANGUAGE.md §1), with the schedules a folder declares in its {@code schedules.json}
     * (docs/scheduling.md): created, changed, or deleted when no longer declared. All or nothing: when any file has a problem, {@link CompileException} lists every
     * diagnostic of every file and nothing is deployed. Deploying a new version of a workflow affects only
     * executions started afterwards.
     *
     * @throws IllegalArgumentException when a path does not exist, or a {@code schedules.json} has a mistake
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
                        new String(file.bytes(), StandardCharsets.UTF_8), AstCodec.toJson(program)));
            }
        }
        if (!problems.isEmpty()) {
            throw new CompileException(problems);
        }
        List<String> scheduleProblems = new ArrayList<>();
        ScheduleFiles.Declared declared = ScheduleFiles.read(Arrays.asList(paths), scheduleProblems);
        if (!scheduleProblems.isEmpty()) {
            throw new IllegalArgumentException("Nothing was deployed: " + String.join("; ", scheduleProblems) + ".");
        }
        return jdbi.inTransaction(handle -> {
            DefinitionDao definitions = handle.attach(DefinitionDao.class);
            List<Deployment> deployed = new ArrayList<>();
            for (Compiled c : compiled) {
                definitions.insertDefinition(c.name, c.hash, c.source, c.ast);
                deployed.add(new Deployment(c.name, c.hash, definitions.setHead(c.name, c.hash) > 0));
            }
            if (!declared.none()) {
                Schedules.declare(handle.getConnection(), declared.schedules(), declared.workflows());
            }
            return deployed;
        });
    }

    /** The schedules of this database: create, list, pause, trigger, backfill, ... (docs/scheduling.md). */
    public Schedules schedules() {
        return new Schedules(dataSource, jdbi);
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
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                insertStart(connection, id, name, input, options); // one statement: in auto-commit mode, it commits by itself
                if (!autoCommit) {
                    connection.commit();
                }
                if (options.concurrencyKey() != null) {
                    admit(options.concurrencyKey());
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
        return new WorkflowHandle(jdbi, dataSource, id);
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
        try {
            insertStart(connection, id, name, input, options);
            if (options.concurrencyKey() != null && connection.getAutoCommit()) {
                admit(options.concurrencyKey()); // in the caller's transaction, the workers' sweep admits it after the commit
            }
        } catch (SQLException e) {
            throw startFailed(name, e);
        }
        return new WorkflowHandle(jdbi, dataSource, id);
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
        return options.id() != null ? options.id() : UUID.randomUUID().toString();
    }

    private static String checkedInput(String name, String inputJson) {
        Objects.requireNonNull(name, "name");
        Identifiers.require(Identifiers.Kind.WORKFLOW_NAME, name);
        return Payloads.normalize(inputJson == null ? "{}" : inputJson, "workflow input");
    }

    /** The execution, pinned to the current version, and its first queue item (which wakes the queue), in one statement. */
    private static void insertStart(Connection connection, String id, String name, String input, StartOptions options)
            throws SQLException {
        WorkflowStart.Outcome outcome = WorkflowStart.insert(connection, id, name, options.queue(), options.priority(),
                input, options.delay().toMillis(), options.concurrencyKey(), options.concurrencyLimit());
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
     * List<ExecutionSummary> page = rondo.list(ListFilter.ALL.withStatus("failed").withLimit(20));
     * List<ExecutionSummary> next = rondo.list(filter.after(page.getLast().executionId()));
     * }</pre>
     */
    public List<ExecutionSummary> list(ListFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return jdbi.withExtension(QueryDao.class,
                dao -> dao.list(filter.status(), filter.workflow(), filter.after(), filter.limit())).stream()
                .map(r -> new ExecutionSummary(r.executionId(), r.workflow(), r.status(), r.queue(), r.createdAt(), r.finishedAt()))
                .toList();
    }

    /**
     * Retention: deletes the workflow executions that {@code options} selects, those started by
     * {@link #start} (not child workflows on their own) that completed, failed or were cancelled more than
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
     * The handle of an execution by id (its existence is not checked until used).
     *
     * @throws IllegalArgumentException when the id is empty or holds a control character, which no
     *                                  execution's id has
     */
    public WorkflowHandle handle(String id) {
        Lookups.check(Identifiers.Kind.EXECUTION_ID, Objects.requireNonNull(id, "id"));
        return new WorkflowHandle(jdbi, dataSource, id);
    }

    private record Compiled(String name, String hash, String source, String ast) {}

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.client.Description;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.FlowError;
import dev.rondo.core.Slice;
import dev.rondo.core.TaskOptions;
import dev.rondo.core.driver.LocalResult;
import dev.rondo.core.driver.MockResult;
import dev.rondo.core.driver.TaskMocks;
import dev.rondo.core.golden.CorpusTest;
import dev.rondo.core.golden.GoldenRunner;
import dev.rondo.core.golden.GoldenSpec;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's golden corpus end to end on the engine: the files whose expectations do not hang on virtual time
 * are deployed in one go (with the child workflows they call), all started before the worker starts, run
 * side by side by one worker whose task handlers play each file's mocks, and checked as {@code CorpusTest}
 * checks its in-process runs ({@link GoldenRunner#checkExpectations}: log lines, result, runtime error
 * name, message and line). Which files run is decided from each file alone ({@link #whyNotOnTheEngine});
 * the counts per reason are printed.
 *
 * <p>Time is real here: signals "at 0" are sent before the worker starts (so the first slice sees them,
 * as in-process); signals at later times are sent, in time order, each time the workflow has nothing left
 * to do but wait (which is what virtual time does when nothing else is pending, so only files without
 * timers and tasks get them); timers, timeouts and retry backoff really wait.
 */
class EngineCorpusTest {

    private static final Path CORPUS = Path.of("../core/src/test/resources/corpus");
    /** Longer timers (and signal timeouts) would only add wall time, and most come with clock checks. */
    private static final double LONGEST_TIMER_SECONDS = 1;
    /** Retries wait their real backoff (1 s, 2 s, 4 s, … ±25%): files whose retries wait longer are left out. */
    private static final double LONGEST_BACKOFF_SECONDS = 4;
    private static final Duration ALL_END_WITHIN = Duration.ofSeconds(120);
    /** Threads that start the executions (each start is a transaction of its own). */
    private static final int STARTERS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern CHILD_CALL = Pattern.compile("Workflow\\.run\\(\"([^\"]+)\"");
    private static final Pattern CLOCK = Pattern.compile("Date\\.|Timer\\.until|Context\\.startedAt");
    private static final Pattern DELAY = Pattern.compile("Timer\\.delay\\(([^)]*)\\)");
    private static final Pattern SIGNAL_TIMEOUT = Pattern.compile("Signal\\.next\\([^\\n]*timeout:\\s*([^,}\\s]+)");
    private static final Pattern MAX_ATTEMPTS = Pattern.compile("maxAttempts:\\s*(\\d+)");

    @TempDir
    Path flows;

    /** One corpus file on the engine: its expectations, its mocks (consumed in attempt order), its handle. */
    private static final class FileRun {
        final GoldenSpec spec;
        final Path path;
        final TaskMocks mocks;
        WorkflowHandle handle;
        LocalResult ended;

        FileRun(GoldenSpec spec, Path path) {
            this.spec = spec;
            this.path = path;
            this.mocks = GoldenRunner.sequentialMocks(spec);
        }

        /** The next mock of {@code task}, as GoldenRunner deals them (attempts of one file may run at once). */
        synchronized MockResult nextMock(String task, int attempt) {
            return mocks.attempt(task, null, attempt);
        }

        /** Signals sent once the workflow waits for nothing else, grouped by their virtual time. */
        TreeMap<Double, List<GoldenSpec.Signal>> laterSignals() {
            TreeMap<Double, List<GoldenSpec.Signal>> later = new TreeMap<>();
            for (GoldenSpec.Signal signal : spec.signals()) {
                if (signal.at() > 0) {
                    later.computeIfAbsent(signal.at(), at -> new ArrayList<>()).add(signal);
                }
            }
            return later;
        }
    }

    @TestFactory
    Stream<DynamicTest> corpusOnTheEngine() throws Exception {
        Map<String, Path> paths = new LinkedHashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (Path path : CorpusTest.files(CORPUS)) {
            String name = CorpusTest.nameOf(CORPUS, path);
            paths.put(name, path);
            sources.put(name, CorpusTest.read(path));
        }
        List<FileRun> runs = new ArrayList<>();
        Set<String> deployed = new TreeSet<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (Map.Entry<String, Path> file : paths.entrySet()) {
            GoldenSpec spec = GoldenSpec.parse(file.getKey(), sources.get(file.getKey()));
            if (spec.child()) {
                deployed.add(spec.name());
            }
            String why = whyNotOnTheEngine(spec, sources);
            if (why != null) {
                skipped.merge(why, 1, Integer::sum);
            } else {
                runs.add(new FileRun(spec, file.getValue()));
                deployed.add(spec.name());
            }
        }
        String took = runOnTheEngine(runs, deployed, paths);
        System.out.printf("Corpus on the engine: %d of %d files ran (%s); skipped:%n", runs.size(), paths.size(), took);
        skipped.forEach((why, count) -> System.out.printf("  %4d  %s%n", count, why));
        return runs.stream().map(run -> DynamicTest.dynamicTest(run.spec.name(), run.path.toUri(),
                () -> {
                    GoldenRunner.checkExpectations(run.spec, run.ended, "on the engine");
                    if (run.spec.expectedAttributesJson() != null) {
                        // jsonb keeps its own key order: compare as sets of pairs
                        assertEquals(new java.util.TreeMap<>(((FlowObject) Json.parse(run.spec.expectedAttributesJson())).view()),
                                new java.util.TreeMap<String, Object>(run.ended.attributes()), "on the engine: attributes");
                    }
                }));
    }

    /**
     * Why {@code spec} cannot be checked on the engine against the same expectations, or null when it can.
     * The source read includes that of the child workflows it calls.
     */
    private static String whyNotOnTheEngine(GoldenSpec spec, Map<String, String> sources) {
        if (spec.child()) {
            return "child workflow (deployed for the files that call it)";
        }
        if (!spec.compileErrors().isEmpty()) {
            return "expects compile errors";
        }
        if (spec.mocks().values().stream().flatMap(List::stream).anyMatch(m -> m.seconds() > 0)) {
            return "a mock answers after virtual time (mock … after S)";
        }
        if (!spec.workflowMocks().isEmpty()) {
            return "mocks a child workflow (the engine runs real children)";
        }
        if (spec.limits() != null) {
            return "limit … (the engine's limits are the worker's)";
        }
        if (spec.cancels().stream().anyMatch(at -> at > 0)) {
            return "cancel at S > 0";
        }
        String code = withChildren(spec.name(), sources, new HashSet<>());
        if (CLOCK.matcher(code).find()) {
            return "reads the clock (Date.now, Date.iso, Timer.until, Context.startedAt)";
        }
        if (longestWait(code) > LONGEST_TIMER_SECONDS) {
            return "a timer or signal timeout longer than " + (int) LONGEST_TIMER_SECONDS + " s (or not a literal)";
        }
        if (backoffSeconds(spec, code) > LONGEST_BACKOFF_SECONDS) {
            return "retries would wait over " + (int) LONGEST_BACKOFF_SECONDS + " s of backoff";
        }
        if (spec.signals().stream().anyMatch(s -> s.at() > 0)
                && (code.contains("Timer.") || code.contains("timeout") || code.contains("Task.run"))) {
            return "a signal at S > 0 races timers or tasks";
        }
        if (overlappingMockedCalls(spec, code)) {
            return "calls of a task with several mock lines overlap (claim order would pick the line)";
        }
        return null;
    }

    private static String withChildren(String name, Map<String, String> sources, Set<String> seen) {
        String source = sources.get(name);
        if (source == null || !seen.add(name)) {
            return "";
        }
        StringBuilder code = new StringBuilder(source);
        Matcher call = CHILD_CALL.matcher(source);
        while (call.find()) {
            code.append('\n').append(withChildren(call.group(1), sources, seen));
        }
        return code.toString();
    }

    /** The longest timer or signal timeout in seconds; infinite when one is not a plain number. */
    private static double longestWait(String code) {
        double longest = 0;
        for (Pattern pattern : List.of(DELAY, SIGNAL_TIMEOUT)) {
            Matcher m = pattern.matcher(code);
            while (m.find()) {
                String seconds = m.group(1).strip();
                longest = Math.max(longest, seconds.matches("[0-9]+(\\.[0-9]+)?")
                        ? Double.parseDouble(seconds) : Double.POSITIVE_INFINITY);
            }
        }
        return longest;
    }

    /** Seconds of backoff the mocks' retryable failures cost (default backoff; the largest maxAttempts given). */
    private static double backoffSeconds(GoldenSpec spec, String code) {
        int maxAttempts = TaskOptions.DEFAULT_MAX_ATTEMPTS;
        Matcher m = MAX_ATTEMPTS.matcher(code);
        while (m.find()) {
            maxAttempts = Math.max(maxAttempts, Integer.parseInt(m.group(1)));
        }
        double total = 0;
        for (List<MockResult> lines : spec.mocks().values()) {
            int failures = 0;
            while (failures < lines.size() && !lines.get(failures).ok() && lines.get(failures).retryable()) {
                failures++;
            }
            int retries = failures == lines.size() ? maxAttempts - 1 : Math.min(failures, maxAttempts - 1);
            for (int attempt = 2; attempt <= retries + 1; attempt++) {
                total += TaskOptions.DEFAULTS.backoffBefore(attempt);
            }
        }
        return total;
    }

    /** Whether a task with several mock lines is started without being awaited at once (so calls may overlap). */
    private static boolean overlappingMockedCalls(GoldenSpec spec, String code) {
        return spec.mocks().entrySet().stream().filter(e -> e.getValue().size() > 1).anyMatch(e ->
                Pattern.compile("(?<!await )Task\\.run\\(\"" + Pattern.quote(e.getKey()) + "\"").matcher(code).find());
    }

    /** Deploys, starts and runs the files, each to its end (or the deadline); says how long that took. */
    private String runOnTheEngine(List<FileRun> runs, Set<String> deployed, Map<String, Path> paths) throws Exception {
        long started = System.nanoTime();
        for (String name : deployed) {
            Path copy = flows.resolve(name + ".flow");
            Files.createDirectories(copy.getParent());
            Files.copy(paths.get(name), copy);
        }
        try (Engine engine = new Engine("corpus", flows)) {
            engine.client.deploy(flows);
            try (ExecutorService starters = Executors.newFixedThreadPool(STARTERS)) {
                for (Future<Void> start : starters.invokeAll(runs.stream().map(run -> (Callable<Void>) () -> {
                    start(engine, run);
                    return null;
                }).toList())) {
                    start.get();
                }
            }
            Map<String, FileRun> byId = new ConcurrentHashMap<>();
            runs.forEach(run -> byId.put(run.handle.id(), run));
            Set<String> tasks = new TreeSet<>();
            runs.forEach(run -> tasks.addAll(run.spec.mocks().keySet()));
            engine.worker(b -> {
                b.queues("default", "payments"); // task/options_are_accepted runs its task on "payments"
                tasks.forEach(task -> b.task(task, (input, ctx) -> answer(byId.get(rootOf(engine, byId, ctx.workflowId())), ctx)));
                return b;
            });
            long running = System.nanoTime();
            long deadline = running + ALL_END_WITHIN.toNanos();
            List<Thread> senders = new ArrayList<>();
            for (FileRun run : runs) {
                if (!run.laterSignals().isEmpty()) {
                    senders.add(Thread.ofVirtual().start(() -> sendLaterSignals(engine, run, deadline)));
                }
            }
            for (FileRun run : runs) {
                run.ended = await(run.handle, deadline);
            }
            for (Thread sender : senders) {
                sender.join();
            }
            long ended = System.nanoTime();
            Map<String, List<String>> logs = logLines(engine);
            for (FileRun run : runs) {
                List<String> log = logs.getOrDefault(run.handle.id(), List.of());
                LocalResult r = run.ended;
                // the attributes as stored: Context.setAttributes is committed with its slice
                run.ended = new LocalResult(r.status(), r.result(), r.error(), log, r.tasks(), r.endMillis(), r.stuck(),
                        run.spec.expectedAttributesJson() == null ? Map.of() : run.handle.describe().attributes());
            }
            return String.format("deployed and started in %.1f s, all ended %.1f s after the worker started",
                    (running - started) / 1e9, (ended - running) / 1e9);
        }
    }

    /** Starts the file's workflow (named and identified by the file's name), with its signals and cancel at 0. */
    private static void start(Engine engine, FileRun run) {
        String input = run.spec.input() == null ? "{}" : Json.write(run.spec.input());
        run.handle = engine.client.start(run.spec.name(), input, StartOptions.DEFAULT.withId(run.spec.name()));
        for (GoldenSpec.Signal signal : run.spec.signals()) {
            if (signal.at() == 0) {
                run.handle.signal(signal.name(), Json.write(signal.payload()));
            }
        }
        for (int i = 0; i < run.spec.cancels().size(); i++) {
            run.handle.cancel(); // all at 0: a second one does nothing new
        }
    }

    /** The root execution a task's workflow belongs to (children are other executions). */
    private static String rootOf(Engine engine, Map<String, FileRun> byId, String workflowId) {
        String id = workflowId;
        while (!byId.containsKey(id)) {
            id = engine.one("SELECT parent_id FROM executions WHERE id = '" + id.replace("'", "''") + "'");
        }
        return id;
    }

    /** A task attempt as the file's mocks say; no mock line fails the task at once, as in-process. */
    private static Object answer(FileRun run, TaskContext ctx) throws IOException {
        MockResult mock = run.nextMock(ctx.taskName(), ctx.attempt());
        if (mock == null) {
            throw TaskFailure.permanent("No handler or mock for task '" + ctx.taskName() + "'.");
        }
        if (!mock.ok()) {
            throw mock.retryable() ? TaskFailure.retryable(mock.error()) : TaskFailure.permanent(mock.error());
        }
        return JSON.readTree(Json.write(mock.value()));
    }

    /** Sends the signals of each later virtual time once the workflow has nothing to do but wait. */
    private static void sendLaterSignals(Engine engine, FileRun run, long deadline) {
        for (List<GoldenSpec.Signal> batch : run.laterSignals().values()) {
            if (!awaitQuiet(engine, run.handle.id(), deadline)) {
                return;
            }
            try {
                for (GoldenSpec.Signal signal : batch) {
                    run.handle.signal(signal.name(), Json.write(signal.payload()));
                }
            } catch (RondoException.ExecutionFinished finished) {
                return; // the expectations will tell whether it should have waited
            }
        }
    }

    /**
     * Waits until the workflow waits with nothing due (no queue item, no unfinished child or task) or has
     * ended; false at the deadline.
     */
    private static boolean awaitQuiet(Engine engine, String id, long deadline) {
        String quoted = "'" + id.replace("'", "''") + "'";
        String sql = "SELECT count(*) FROM executions e WHERE e.id = " + quoted + " AND e.status <> 'running'"
                + " AND e.status <> 'queued'"
                + " AND NOT EXISTS (SELECT 1 FROM queue_items q WHERE q.execution_id = e.id)"
                + " AND NOT EXISTS (SELECT 1 FROM executions c WHERE c.parent_id = e.id AND c.finished_at IS NULL)";
        while (System.nanoTime() < deadline) {
            if (engine.one(sql).equals("1")) {
                return true;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** How the execution ended, as a LocalResult (log lines added later); stuck when it did not end in time. */
    private static LocalResult await(WorkflowHandle handle, long deadline) {
        try {
            WorkflowResult r = handle.result(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            Slice.Status status = switch (r.status()) {
                case COMPLETED -> Slice.Status.COMPLETED;
                case FAILED -> Slice.Status.FAILED;
                default -> Slice.Status.CANCELLED;
            };
            Object result = r.resultJson() == null ? null : Json.parse(r.resultJson());
            FlowError error = r.errorJson() == null ? null : flowError(r.errorJson());
            return new LocalResult(status, result, error, List.of(), List.of(), 0, null);
        } catch (RondoException.ResultTimeout timeout) {
            Description d = handle.describe();
            return new LocalResult(Slice.Status.SUSPENDED, null, null, List.of(), List.of(), 0, "did not end within "
                    + ALL_END_WITHIN.toSeconds() + " s: " + d.status() + " at " + d.waitingAt() + " for " + d.waitingFor());
        }
    }

    /** The stored error ({@code {name, message, …, file, line, column}}) as the FlowError it was written from. */
    private static FlowError flowError(String errorJson) {
        FlowObject stored = (FlowObject) Json.parse(errorJson);
        String file = (String) stored.remove("file");
        int line = ((Number) stored.remove("line")).intValue();
        int column = ((Number) stored.remove("column")).intValue();
        boolean wrapped = "Uncaught".equals(stored.get("name")) && stored.has("value");
        return new FlowError(wrapped ? stored.get("value") : stored, file, line, column);
    }

    /** Every execution's log lines, in order. */
    private static Map<String, List<String>> logLines(Engine engine) throws SQLException {
        Map<String, List<String>> logs = new HashMap<>();
        try (Connection c = engine.dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT execution_id, line FROM log_lines ORDER BY execution_id, seq");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                logs.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return logs;
    }
}

package dev.rondo.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.CompileException;
import dev.rondo.core.driver.LocalDriver;
import dev.rondo.core.driver.LocalRun;
import dev.rondo.core.driver.MockResult;
import dev.rondo.testing.internal.FlowCatalog;
import dev.rondo.testing.internal.FlowValues;
import dev.rondo.worker.TaskHandler;
import dev.rondo.worker.TaskHandlers;
import dev.rondo.worker.TypedTaskHandler;
import dev.rondo.worker.Worker;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A test environment for workflows: runs {@code .flow} files in this process on a virtual clock (a day's
 * {@code Timer.delay} takes no time), with tasks answered by mocks or by the very handlers a
 * {@code Worker} registers. Retries, backoff (without jitter) and timeouts follow each task's options as
 * on the engine; child workflows started with {@code Workflow.run} are found by name among the files
 * given, and run to their end when started.
 *
 * <pre>{@code
 * FlowTest env = FlowTest.of(Path.of("src/main/flows"))
 *         .mock("quote", "{\"price\": 12.5}")
 *         .handler("charge", Charge.class, new ChargeHandler());
 * FlowRun run = env.start("orders/process", "{\"orderId\": 42}");
 * run.signal("approve", "true");
 * run.advance(Duration.ofHours(1));
 * assertEquals(new Receipt("c-42"), run.result(Receipt.class));
 * }</pre>
 *
 * A task's mock takes precedence over its handler, so a shared environment can be overridden in one test.
 * An environment is not thread-safe; each {@link #start} gives an independent run.
 */
public final class FlowTest {

    /** The data source of the builder {@link #handlers(Consumer)} lends out: it is never built, so never connects. */
    private static final DataSource NO_DATABASE = (DataSource) Proxy.newProxyInstance(
            FlowTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException("A FlowTest has no database.");
            });

    private final FlowCatalog catalog;
    private final Map<String, TaskMock> mocks = new HashMap<>();
    private final Map<String, MockResult> workflowMocks = new HashMap<>();
    private TaskHandlers handlers = TaskHandlers.of();
    private ObjectMapper mapper = new ObjectMapper();
    private long startMillis = LocalDriver.DEFAULT_START_MILLIS;

    private FlowTest(FlowCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The workflows in these files and folders, named as {@code RondoClient.deploy} names them (a folder's
     * {@code orders/process.flow} is {@code "orders/process"}, a file given directly is its stem).
     *
     * @throws CompileException listing every diagnostic ({@code file:line:col: error: …}) of every file
     */
    public static FlowTest of(Path... paths) {
        return new FlowTest(FlowCatalog.compile(List.of(paths)));
    }

    /**
     * One workflow named {@code name} from source text, for small tests.
     *
     * @throws CompileException listing every diagnostic
     */
    public static FlowTest ofSource(String name, String source) {
        return new FlowTest(FlowCatalog.compile(name, source));
    }

    /** Task {@code task} returns {@code json} (JSON text) on every call. */
    public FlowTest mock(String task, String json) {
        return mock(task, TaskMock.json(json));
    }

    /** Task {@code task} answers as {@code mock} says (replacing an earlier mock of the task). */
    public FlowTest mock(String task, TaskMock mock) {
        mocks.put(requireName(task), Objects.requireNonNull(mock));
        return this;
    }

    /** Task {@code task} runs {@code handler} over JSON, as {@code Worker.Builder.task(name, handler)} would. */
    public FlowTest handler(String task, TaskHandler handler) {
        handlers = handlers.with(requireName(task), handler);
        return this;
    }

    /** Task {@code task} runs a typed handler, as {@code Worker.Builder.task(name, type, handler)} would. */
    public <I, O> FlowTest handler(String task, Class<I> inputType, TypedTaskHandler<I, O> handler) {
        handlers = handlers.with(requireName(task), inputType, handler);
        return this;
    }

    /**
     * The task handlers that {@code register} adds to a {@code Worker.Builder}: pass the method that sets up
     * your worker, e.g. {@code .handlers(shop::register)} for {@code Worker.Builder register(Worker.Builder w)},
     * and the test runs exactly the handlers the worker runs. Only the builder's {@code task(…)} calls count
     * (its queues, concurrency and mapper are ignored; set the mapper with {@link #objectMapper}).
     *
     * @throws IllegalArgumentException when a task gets a second handler, here or with {@link #handler}
     */
    public FlowTest handlers(Consumer<Worker.Builder> register) {
        Worker.Builder builder = Worker.builder(NO_DATABASE);
        register.accept(builder);
        return handlers(builder.registered());
    }

    /**
     * The task handlers of {@code more}, the value {@code Worker.builder(…).handlers(…)} takes too.
     *
     * @throws IllegalArgumentException when a task gets a second handler
     */
    public FlowTest handlers(TaskHandlers more) {
        handlers = handlers.with(more);
        return this;
    }

    /** A child workflow {@code workflow} started with {@code Workflow.run} returns {@code json} at once instead of running. */
    public FlowTest mockWorkflow(String workflow, String json) {
        workflowMocks.put(requireName(workflow), MockResult.success(FlowValues.parse(json, "the mocked result"), 0));
        return this;
    }

    /**
     * A child workflow {@code workflow} started with {@code Workflow.run} fails at once with {@code message}
     * instead of running: the parent's await throws a {@code WorkflowError} whose {@code cause} is an
     * {@code Error} with that message.
     */
    public FlowTest mockWorkflowFailing(String workflow, String message) {
        workflowMocks.put(requireName(workflow), MockResult.failure(Objects.requireNonNull(message), false, 0));
        return this;
    }

    /** Where virtual time starts (default 2026-01-01T00:00:00Z); what a workflow sees as the time. */
    public FlowTest startAt(Instant start) {
        this.startMillis = start.toEpochMilli();
        return this;
    }

    /** The Jackson mapper for typed handlers, results and inputs (default: a plain {@code ObjectMapper}). */
    public FlowTest objectMapper(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper);
        return this;
    }

    /**
     * Starts {@code workflow} with {@code inputJson} (JSON text; null means {@code {}}) and runs it until it
     * waits for something later than the start (a timer, a retry, a signal) or ends.
     *
     * @throws IllegalArgumentException when there is no workflow of that name or the input is not JSON
     */
    public FlowRun start(String workflow, String inputJson) {
        Object input = FlowValues.parse(inputJson == null ? "{}" : inputJson, "the input");
        // A handler runs at the virtual instant its task starts, so none is running when a cancellation
        // comes; a task started after it is a compensation's, which is not cancelled (LANGUAGE.md §6, as on
        // the engine): ctx.cancelled() is false in a test.
        TaskAnswers answers = new TaskAnswers(mocks, handlers.caller(mapper), mapper, () -> false);
        Map<String, MockResult> childMocks = Map.copyOf(workflowMocks);
        LocalRun run = LocalDriver.builder()
                .tasks(answers)
                .children(catalog::find)
                .childMocks(childMocks::get)
                .startMillis(startMillis)
                .build()
                .start(catalog.get(workflow), input);
        return new FlowRun(run, answers, mapper).runUntil(Instant.ofEpochMilli(startMillis));
    }

    /** Starts {@code workflow} and runs it until it ends or waits for a signal nothing has sent. */
    public FlowRun run(String workflow, String inputJson) {
        return start(workflow, inputJson).runUntilIdle();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A task or workflow needs a name.");
        }
        return name;
    }
}

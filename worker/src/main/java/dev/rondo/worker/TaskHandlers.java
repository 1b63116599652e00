package dev.rondo.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.Identifiers;
import dev.rondo.worker.internal.Handlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Task registrations as a value: names with their handlers, which a {@link Worker} and the test kit
 * ({@code FlowTest.handlers(TaskHandlers)}) take alike, so a test runs exactly the handlers production runs.
 * Immutable: each {@code with} returns a new value.
 *
 * <pre>{@code
 * static final TaskHandlers SHOP = TaskHandlers.of()
 *         .with("quote", (input, ctx) -> Map.of("price", 12.5))
 *         .with("charge", Charge.class, new ChargeHandler());
 *
 * Worker.builder(dataSource).handlers(SHOP).build().start();   // production
 * FlowTest.of(flows).handlers(SHOP).run("orders/process", "{}"); // a test
 * }</pre>
 */
public final class TaskHandlers {

    private static final TaskHandlers NONE = new TaskHandlers(List.of());

    /** One task's handler, put into a worker's table with the worker's Jackson mapper. */
    private record Registration(String name, Consumer<Handlers> apply) {}

    private final List<Registration> registrations;

    private TaskHandlers(List<Registration> registrations) {
        this.registrations = registrations;
    }

    /** No handlers. */
    public static TaskHandlers of() {
        return NONE;
    }

    /**
     * These handlers and the handler of task {@code name}, over JSON.
     *
     * @throws IllegalArgumentException when the name is not a valid task name or already has a handler
     */
    public TaskHandlers with(String name, TaskHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return plus(new Registration(checked(name), handlers -> handlers.register(name, handler)));
    }

    /** These handlers and the handler of task {@code name}, over a type Jackson reads the input as. */
    public <I, O> TaskHandlers with(String name, Class<I> inputType, TypedTaskHandler<I, O> handler) {
        Objects.requireNonNull(inputType, "inputType");
        Objects.requireNonNull(handler, "handler");
        return plus(new Registration(checked(name), handlers -> handlers.register(name, inputType, handler)));
    }

    /** These handlers and {@code more}; a task in both is an {@link IllegalArgumentException}. */
    public TaskHandlers with(TaskHandlers more) {
        TaskHandlers all = this;
        for (Registration registration : more.registrations) {
            all = all.plus(registration);
        }
        return all;
    }

    /** The task names, in the order they were added. */
    public List<String> names() {
        return registrations.stream().map(Registration::name).toList();
    }

    /** Whether task {@code name} has a handler here. */
    public boolean has(String name) {
        return registrations.stream().anyMatch(r -> r.name().equals(name));
    }

    /**
     * The handlers bound to {@code mapper}, called exactly as a worker calls them (input read, result
     * written and checked, a thrown exception turned into a task failure): for test kits that run flows
     * without a database.
     */
    public Caller caller(ObjectMapper mapper) {
        Handlers handlers = bind(mapper);
        return new Caller() {
            @Override
            public Answer call(String task, String inputJson, TaskContext context) {
                Handlers.Invocation invocation = handlers.get(task);
                if (invocation == null) {
                    return null;
                }
                try {
                    return Answer.success(invocation.run(inputJson, context));
                } catch (Exception e) {
                    return failure(e);
                }
            }

            @Override
            public Answer failure(Throwable thrown) {
                Handlers.Failure failure = handlers.failure(thrown);
                return Answer.failure(failure.message(), failure.retryable(), failure.detailsJson());
            }
        };
    }

    /** Calls the handlers of a {@link TaskHandlers} as a worker does. */
    public interface Caller {
        /** Task {@code task}'s answer to one attempt, or null when it has no handler. */
        Answer call(String task, String inputJson, TaskContext context);

        /** The failure a worker records for {@code thrown} (a {@link TaskFailure} as it says, else retryable). */
        Answer failure(Throwable thrown);
    }

    /**
     * How an attempt ended: {@code resultJson} when it succeeded, else the failure's message, whether it
     * may be retried, and its details as JSON (null when none).
     */
    public record Answer(String resultJson, String failureMessage, boolean retryable, String detailsJson) {

        static Answer success(String resultJson) {
            return new Answer(resultJson, null, false, null);
        }

        static Answer failure(String message, boolean retryable, String detailsJson) {
            return new Answer(null, message, retryable, detailsJson);
        }

        public boolean succeeded() {
            return failureMessage == null;
        }
    }

    /** A worker's handler table, with {@code mapper}. */
    Handlers bind(ObjectMapper mapper) {
        Handlers handlers = new Handlers(mapper);
        registrations.forEach(registration -> registration.apply().accept(handlers));
        return handlers;
    }

    private TaskHandlers plus(Registration registration) {
        if (has(registration.name())) {
            throw new IllegalArgumentException("Task '" + registration.name() + "' has two handlers; register each task once.");
        }
        List<Registration> all = new ArrayList<>(registrations);
        all.add(registration);
        return new TaskHandlers(List.copyOf(all));
    }

    private static String checked(String name) {
        return Identifiers.require(Identifiers.Kind.TASK_NAME, name);
    }
}

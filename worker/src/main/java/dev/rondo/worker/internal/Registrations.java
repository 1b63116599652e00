package dev.rondo.worker.internal;

import dev.rondo.worker.Worker;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The task registrations a {@link Worker.Builder} has collected, for the test kit ({@code rondo-testing}),
 * which runs a user's own "register my tasks on a builder" method against its virtual clock. The builder
 * keeps them private so that its public API does not name {@link Handlers}; {@link Worker} grants access
 * here once, when it is loaded.
 */
public final class Registrations {

    private static Function<Worker.Builder, List<Consumer<Handlers>>> access;

    private Registrations() {}

    /** Called by {@link Worker} when it is loaded; later calls are ignored. */
    public static synchronized void grant(Function<Worker.Builder, List<Consumer<Handlers>>> accessor) {
        if (access == null) {
            access = Objects.requireNonNull(accessor);
        }
    }

    /** The registrations of {@code builder}, in the order its {@code task} methods were called. */
    public static synchronized List<Consumer<Handlers>> of(Worker.Builder builder) {
        // A builder exists only through Worker.builder, which has loaded Worker and so granted access.
        return access.apply(Objects.requireNonNull(builder));
    }
}

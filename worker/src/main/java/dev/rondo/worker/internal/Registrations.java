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
 *
 * <p>Not API: public only because the test kit lives in another package; it is this package's only user
 * outside the worker, and may change with it at any release.
 */
public final class Registrations {

    private static Function<Worker.Builder, List<Consumer<Handlers>>> access;

    private Registrations() {}

    /**
     * Called once, by {@link Worker}'s static initializer.
     *
     * @throws IllegalStateException on a second call: anyone else granting would replace the worker's accessor
     */
    public static synchronized void grant(Function<Worker.Builder, List<Consumer<Handlers>>> accessor) {
        Objects.requireNonNull(accessor, "accessor");
        if (access != null) {
            throw new IllegalStateException("Registrations.grant is for Worker's static initializer only, and it has run:"
                    + " dev.rondo.worker.internal is not API");
        }
        access = accessor;
    }

    /** The registrations of {@code builder}, in the order its {@code task} methods were called. */
    public static synchronized List<Consumer<Handlers>> of(Worker.Builder builder) {
        // A builder exists only through Worker.builder, which has loaded Worker and so granted access.
        return access.apply(Objects.requireNonNull(builder));
    }
}

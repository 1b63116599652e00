package dev.rondo.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What {@link RondoClient#bulk} does to each execution it selects: the {@link WorkflowHandle} call of the
 * same name, so a bulk action obeys exactly the rules (and records exactly the history) of the single one.
 * Each returns whether it changed anything; a call that refuses (the execution ended meanwhile, or has a
 * status the action does not take) is counted as refused, not fatal. To add an action, add a constant here.
 */
public enum BulkAction {
    /** {@link WorkflowHandle#cancel()} (a repeated request changes nothing, and counts as changed). */
    CANCEL(execution -> {
        execution.cancel();
        return true;
    }),
    /** {@link WorkflowHandle#pause()}. */
    PAUSE(WorkflowHandle::pause),
    /** {@link WorkflowHandle#resume()}. */
    RESUME(WorkflowHandle::resume),
    /** {@link WorkflowHandle#terminate()}. */
    TERMINATE(WorkflowHandle::terminate),
    /**
     * {@link WorkflowHandle#retry()}: a failed execution goes on from the checkpoint before the await that
     * failed it (one that is no longer failed is counted as refused). After a fix: {@code upgrade}, then this.
     */
    RETRY(execution -> {
        execution.retry();
        return true;
    });

    private final Predicate<WorkflowHandle> call;

    BulkAction(Predicate<WorkflowHandle> call) {
        this.call = call;
    }

    /** Applies the action to one execution; whether it changed anything. */
    public boolean apply(WorkflowHandle execution) {
        return call.test(execution);
    }

    /** {@code cancel}, {@code pause}, … as the command line writes it. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The action named {@code text} (either case).
     *
     * @throws IllegalArgumentException when it names none; the message lists them
     */
    public static BulkAction of(String text) {
        for (BulkAction action : values()) {
            if (action.name().equalsIgnoreCase(text)) {
                return action;
            }
        }
        throw new IllegalArgumentException("Unknown bulk action '" + text + "'; use one of "
                + String.join(", ", Arrays.stream(values()).map(BulkAction::text).toList()) + ".");
    }
}

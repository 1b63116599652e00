package dev.rondo.client;

import dev.rondo.core.Identifiers;
import dev.rondo.client.internal.Lookups;
import dev.rondo.store.LimitStatements;
import dev.rondo.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The named limits of a database ({@link RondoClient#limits()}, docs/scheduling.md "Named limits"): a
 * concurrency limit or a rate limit declared once by name, which {@code Task.run(…, {concurrency: "ledger"})},
 * {@code {rateLimit: "stripe"}} and {@link StartOptions#withConcurrency(String)} / {@link StartOptions#withRateLimit(String)}
 * refer to. A change applies to work already waiting: each admission reads the current value.
 *
 * <pre>{@code
 * rondo.limits().setPerSecond("stripe", 20);
 * rondo.limits().setConcurrency("ledger", 1);
 * }</pre>
 *
 * Limits declared in a {@code limits.json} deployed beside the flows are changed by deploying the file; here
 * they can be listed, not set or deleted.
 */
public final class Limits {

    /**
     * A named limit: {@code rate} true for a rate limit ({@code value} per second), false for a concurrency
     * limit ({@code value} at once); {@code declaredFor} the workflows of the folder whose limits.json declares
     * it (empty when set by hand); {@code waiting} how much work waits on it now.
     */
    public record Limit(String name, boolean rate, int value, List<String> declaredFor, Instant updatedAt, long waiting) {

        /** True when a deploy's limits.json declares it. */
        public boolean declared() {
            return !declaredFor.isEmpty();
        }

        /** {@code 20 per second} or {@code 3 at once}. */
        public String what() {
            return value + (rate ? " per second" : " at once");
        }
    }

    private final DataSource dataSource;

    Limits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Sets the concurrency limit {@code name}: at most {@code limit} of its work runs at once. */
    public Limit setConcurrency(String name, int limit) {
        return set(name, LimitStatements.CONCURRENCY, limit);
    }

    /** Sets the rate limit {@code name}: at most {@code perSecond} of its work is admitted in any second. */
    public Limit setPerSecond(String name, int perSecond) {
        return set(name, LimitStatements.RATE, perSecond);
    }

    private Limit set(String name, String kind, int value) {
        checkName(name);
        if (value < 1) {
            throw new IllegalArgumentException("A limit must be 1 or more, not " + value + ".");
        }
        Boolean done = Transactions.retrying(dataSource, c -> LimitStatements.set(c, name, kind, value));
        if (done == null) {
            throw declared(name, "changed");
        }
        return get(name).orElseThrow();
    }

    /** Every named limit, by name. */
    public List<Limit> list() {
        return Transactions.autocommit(dataSource, c -> LimitStatements.list(c, null)).stream().map(Limits::limit).toList();
    }

    /** The limit of that name, if declared. */
    public Optional<Limit> get(String name) {
        checkName(name);
        return Transactions.autocommit(dataSource, c -> LimitStatements.list(c, name)).stream().map(Limits::limit).findFirst();
    }

    /**
     * Deletes a limit set by hand; false when there is none of that name. Work already waiting on it keeps
     * the value it started with; new references to it fail.
     *
     * @throws IllegalArgumentException when a limits.json declares it (remove it from the file and deploy)
     */
    public boolean delete(String name) {
        checkName(name);
        LimitStatements.Deleted deleted = Transactions.autocommit(dataSource, c -> LimitStatements.delete(c, name));
        if (deleted == LimitStatements.Deleted.DECLARED) {
            throw declared(name, "deleted");
        }
        return deleted == LimitStatements.Deleted.DELETED;
    }

    private IllegalArgumentException declared(String name, String what) {
        List<String> owners = get(name).map(Limit::declaredFor).orElse(List.of());
        return new IllegalArgumentException("The limit '" + name + "' is declared in the " + LimitFiles.FILE
                + " deployed with " + owners + "; it is " + what + " by changing that file and deploying it.");
    }

    /**
     * Creates or changes the limits a deploy declares ({@code limits.json}), and deletes the declared limits
     * of {@code workflows} it no longer names; in the caller's transaction.
     */
    static void declare(Connection c, List<LimitFiles.Declared> declared, List<String> workflows) {
        try {
            for (LimitFiles.Declared d : declared) {
                if (LimitStatements.declare(c, d.name(), d.rate() ? LimitStatements.RATE : LimitStatements.CONCURRENCY,
                        d.value(), workflows) == null) {
                    throw new IllegalArgumentException("Nothing was deployed: " + d.file() + " declares limit '" + d.name()
                            + "', which was set by hand (rondo limit set); delete that one first (rondo limit delete "
                            + d.name() + "), or rename the declared one.");
                }
            }
            LimitStatements.deleteUndeclared(c, workflows, declared.stream().map(LimitFiles.Declared::name).toList());
        } catch (SQLException e) {
            throw new Transactions.DatabaseException(e);
        }
    }

    static void checkName(String name) {
        Lookups.check(Identifiers.Kind.QUEUE, Objects.requireNonNull(name, "name"));
    }

    private static Limit limit(LimitStatements.Row r) {
        return new Limit(r.name(), LimitStatements.RATE.equals(r.kind()), r.value(),
                r.declaredFor() == null ? List.of() : r.declaredFor(), r.updatedAt(), r.waiting());
    }
}

package dev.rondo.store;

import dev.rondo.store.internal.SqlFiles;
import dev.rondo.store.internal.SqlText;
import java.util.List;

/**
 * The text of the store's statements for tools that run them outside the engine (the benchmark's
 * pgbench ceiling and no-engine floor run exactly the engine's SQL and follow it when it changes).
 */
public final class StatementText {

    private StatementText() {}

    /**
     * The statement at {@code path} (relative to {@code dev/rondo/store/}, e.g. {@code QueueStatements/claim.sql})
     * without comments, fragments included, its {@code :name} parameters kept.
     */
    public static String of(String path) {
        return SqlFiles.read(path);
    }

    /** {@code sql} with each {@code :name} replaced by {@code ?}; the names are added to {@code names} in order. */
    public static String positional(String sql, List<String> names) {
        return SqlText.positional(sql, names);
    }
}

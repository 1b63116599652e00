package dev.rondo.store;

import dev.rondo.store.internal.SqlFiles;
import dev.rondo.store.internal.SqlText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the engine's hot statements over plain JDBC: read once from its {@code .sql} file (the same files
 * the benchmark's pgbench ceiling runs), its {@code :name} parameters turned into positional ones. The
 * client's start, the worker's claim, batched task ends and slices run through this rather than jdbi's
 * SqlObjects, whose per-call configuration, mapper lookup and argument binding cost more CPU than the
 * statement itself. pgjdbc keeps the parsed statement per connection and prepares it server-side after a
 * few uses. The statements themselves are the store's: only its classes load them.
 */
public final class Sql {

    private final String resource;
    private final String jdbc;
    private final List<String> names;

    private Sql(String resource, String jdbc, List<String> names) {
        this.resource = resource;
        this.jdbc = jdbc;
        this.names = names;
    }

    /** {@code path} is relative to {@code dev/rondo/store/}, e.g. {@code QueueStatements/claim.sql}. */
    static Sql load(String path) {
        List<String> names = new ArrayList<>();
        String jdbc = SqlText.positional(SqlFiles.read(path), names);
        return new Sql(path, jdbc, List.copyOf(names));
    }

    /**
     * The statements of {@code paths}, in order, sent in one round trip: pgjdbc sends every statement's
     * parse, bind and execute before one sync. The server still runs them one after the other, and binds
     * (takes the snapshot of) each only after the one before has finished, so a statement after one that
     * waited for a row lock sees what the lock's holder committed, as a separate round trip would. Read
     * the results with {@link Bound#first()} and {@link Bound#next()}.
     */
    static Sql sequence(String... paths) {
        StringBuilder jdbc = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (String path : paths) {
            Sql one = load(path);
            jdbc.append(jdbc.isEmpty() ? "" : ";\n").append(one.jdbc);
            names.addAll(one.names);
        }
        return new Sql(String.join(" + ", paths), jdbc.toString(), List.copyOf(names));
    }

    /** The statement prepared on {@code connection}; bind every parameter, then execute. */
    public Bound prepare(Connection connection) throws SQLException {
        return new Bound(connection, connection.prepareStatement(jdbc));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(int position) throws SQLException;
    }

    /** A prepared statement whose parameters are set by name (every occurrence of the name). */
    public final class Bound implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement statement;
        private final boolean[] set = new boolean[names.size()];

        private Bound(Connection connection, PreparedStatement statement) {
            this.connection = connection;
            this.statement = statement;
        }

        public Bound set(String name, Object value) throws SQLException {
            return bind(name, i -> statement.setObject(i, value));
        }

        private Bound bind(String name, Binder binder) throws SQLException {
            boolean found = false;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(name)) {
                    binder.bind(i + 1);
                    set[i] = true;
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException(resource + " has no parameter :" + name);
            }
            return this;
        }

        /**
         * A text parameter that may be null. Bound as varchar either way: an untyped null would make pgjdbc
         * prepare the statement again whenever the value switches between null and not, and each new server
         * statement goes back to planning every execution (its first five custom plans, then a generic one).
         */
        public Bound text(String name, String value) throws SQLException {
            return bind(name, i -> statement.setString(i, value));
        }

        /** An array parameter; {@code type} is PostgreSQL's element type ({@code int8}, {@code int4}, {@code text}). */
        public Bound array(String name, String type, List<?> values) throws SQLException {
            return set(name, connection.createArrayOf(type, values.toArray()));
        }

        public ResultSet query() throws SQLException {
            checkBound();
            return statement.executeQuery();
        }

        /** The first column of every row, as text, in the statement's order. */
        public List<String> strings() throws SQLException {
            try (ResultSet rs = query()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }

        /** Runs a {@link #sequence}; the first statement's rows (read them before {@link #next()}). */
        public ResultSet first() throws SQLException {
            checkBound();
            statement.execute();
            return statement.getResultSet();
        }

        /** The next statement's rows of a {@link #sequence}; closes the ones before. */
        public ResultSet next() throws SQLException {
            if (!statement.getMoreResults()) {
                throw new IllegalStateException(resource + " returned fewer row sets than it has statements");
            }
            return statement.getResultSet();
        }

        public int update() throws SQLException {
            checkBound();
            return statement.executeUpdate();
        }

        private void checkBound() {
            for (int i = 0; i < set.length; i++) {
                if (!set[i]) {
                    throw new IllegalStateException(resource + ": parameter :" + names.get(i) + " was not bound");
                }
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}

package dev.rondo.worker.internal;

import dev.rondo.core.FlowError;
import dev.rondo.core.Slice;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Json;
import java.sql.SQLException;

/**
 * The rules for a slice that failed permanently (docs/engine.md, "Failures and cancellation"): how often
 * it is tried, how long between tries, and the error its workflow ends with, which says what failed and,
 * where the slice got that far, at which {@code file:line:col}.
 */
final class SliceFailure {

    /** Permanent failures of a workflow's slices in a row before the workflow fails. */
    static final int TRIES = 3;
    /**
     * Failed slices in a row of any kind (a worker that died mid-slice and was rescued counts too) after
     * which the next slice is not run at all but ends the workflow: bounds a slice that kills its worker.
     */
    static final int GIVE_UP = 5;
    /** The end written when even the real error cannot be: fixed text that any database can store. */
    static final String MINIMAL_ERROR = Outcomes.error("Error",
            "The workflow's slices kept failing and its error could not be stored either; see the worker's log.");
    /** Longest error message kept: the rest of a database error (its statement, say) is noise. */
    private static final int MAX_MESSAGE = 2_000;

    private SliceFailure() {}

    /** Where the slice got: the {@code file:line:col} of the await it reached or the error it ended with. */
    static final class Where {
        private String position;

        void clear() {
            position = null;
        }

        void reached(Slice slice) {
            FlowError error = slice.error();
            position = slice.waitingAt() != null ? slice.waitingAt()
                    : error != null && error.file() != null ? error.file() + ":" + error.line() + ":" + error.column()
                    : null;
        }
    }

    /** Seconds before the next try after {@code failures} in a row: 0.25, 1, 4. */
    static double backoffSeconds(int failures) {
        return 0.25 * Math.pow(4, Math.max(0, failures - 1));
    }

    /** The SQLException behind {@code failure}, or null. */
    static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The error a workflow ends with when its slices keep failing with {@code failure}, as stored JSON. */
    static String errorJson(Where where, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String at = where.position == null ? "" : " at " + where.position;
        String name;
        String message;
        if (failure instanceof OutOfMemoryError) {
            name = "LimitError";
            message = "The workflow ran out of the worker's memory (" + failure + "); it failed the same way on every"
                    + " try. Make it hold less data at once (smaller arrays and strings).";
        } else if (failure instanceof StackOverflowError) {
            name = "LimitError";
            message = "The workflow nested too deeply for the worker's stack (StackOverflowError); it failed the same"
                    + " way on every try. Make its data or calls less deeply nested.";
        } else if (sql != null && !(failure instanceof Error)) {
            name = "Error";
            message = "Rondo could not save the workflow's progress" + at + ": " + sql.getMessage()
                    + (sql.getSQLState() == null ? "" : " (SQLSTATE " + sql.getSQLState() + ")")
                    + ". The same write failed on every try, so the execution is failed rather than tried forever.";
        } else {
            name = "InternalError";
            message = "Rondo could not run the workflow" + at + ": " + failure
                    + ". This is a bug in Rondo; please report it with the workflow's source.";
        }
        FlowObject error = FlowThrow.errorObject(name, storable(message));
        if (where.position != null) {
            int col = where.position.lastIndexOf(':');
            int line = where.position.lastIndexOf(':', col - 1);
            if (line > 0) {
                try {
                    error.put("file", where.position.substring(0, line));
                    error.put("line", Double.parseDouble(where.position.substring(line + 1, col)));
                    error.put("column", Double.parseDouble(where.position.substring(col + 1)));
                } catch (NumberFormatException notAPosition) {
                    // keep the error without a position
                }
            }
        }
        return Json.write(error);
    }

    /** When a workflow's slices were lost with their workers {@code failures} times in a row. */
    static String lostWorkers(int failures) {
        return Outcomes.error("Error", "The workflow's slice was lost " + failures + " times in a row (each time its"
                + " worker died, hung or was cut off before committing it); it is failed rather than tried forever.");
    }

    /** Text PostgreSQL can store, of bounded length: no NUL, at most {@link #MAX_MESSAGE} characters. */
    private static String storable(String text) {
        String clean = text.replace('\0', ' ');
        return clean.length() <= MAX_MESSAGE ? clean : clean.substring(0, MAX_MESSAGE) + "…";
    }
}

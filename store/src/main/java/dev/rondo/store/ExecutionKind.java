package dev.rondo.store;

/** What an execution is: the {@code kind} column of {@code executions}. */
public enum ExecutionKind {
    WORKFLOW,
    TASK;

    /** The column's text. */
    public String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind whose column text is {@code text}; null for null (an execution that was not found). */
    public static ExecutionKind of(String text) {
        return text == null ? null : valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
}

package dev.rondo.core.driver;

/**
 * Answers task attempts in the in-process driver, seeing everything about the attempt (ids, options,
 * virtual time); {@code null} means no mock and no handler for that task. {@link TaskMocks} is the short
 * form that sees only the name, input and attempt.
 */
@FunctionalInterface
public interface TaskAttempts {

    MockResult attempt(TaskCall call);
}

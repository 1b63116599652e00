package dev.rondo.core.driver;

/** Answers task attempts in the in-process driver; {@code null} means no mock and no handler for that task. */
@FunctionalInterface
public interface TaskMocks {

    MockResult attempt(String task, Object input, int attempt);
}

package dev.rondo.core.driver;

/**
 * How one attempt of a mocked task ends, and after how many (virtual) seconds.
 *
 * @param retryable for a failure: whether another attempt may follow
 * @param details   for a failure: the {@code TaskError}'s {@code details} as a Flow value, or null
 */
public record MockResult(boolean ok, Object value, String error, boolean retryable, double seconds, Object details) {

    public static MockResult success(Object value, double seconds) {
        return new MockResult(true, value, null, false, seconds, null);
    }

    public static MockResult failure(String message, boolean retryable, double seconds) {
        return new MockResult(false, null, message, retryable, seconds, null);
    }

    /** The same failure carrying {@code details} (a Flow value). */
    public MockResult withDetails(Object details) {
        return new MockResult(ok, value, error, retryable, seconds, details);
    }
}

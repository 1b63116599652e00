package dev.rondo.core.driver;

/**
 * How one attempt of a mocked task ends, and after how many (virtual) seconds.
 *
 * @param retryable for a failure: whether another attempt may follow
 */
public record MockResult(boolean ok, Object value, String error, boolean retryable, double seconds) {

    public static MockResult success(Object value, double seconds) {
        return new MockResult(true, value, null, false, seconds);
    }

    public static MockResult failure(String message, boolean retryable, double seconds) {
        return new MockResult(false, null, message, retryable, seconds);
    }
}

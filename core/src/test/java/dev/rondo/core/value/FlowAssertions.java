package dev.rondo.core.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Assertions on the errors a Flow program sees. */
public final class FlowAssertions {

    private FlowAssertions() {}

    /** Runs {@code code}, expects a Flow error named {@code name}, and returns its message. */
    public static String flowError(String name, Executable code) {
        FlowThrow thrown = assertThrows(FlowThrow.class, code);
        FlowObject error = (FlowObject) thrown.value();
        assertEquals(name, error.get("name"), () -> "error was " + thrown.getMessage());
        return (String) error.get("message");
    }

    /** Expects a Flow error with exactly this name and message. */
    public static void assertFlowError(String name, String message, Executable code) {
        assertEquals(message, flowError(name, code));
    }

    /** Asserts two doubles are the same bits (so {@code 0} and {@code -0} differ). */
    public static void assertSameDouble(double expected, Object actual) {
        assertEquals(Double.class, actual == null ? null : actual.getClass(), "not a Double: " + actual);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits((Double) actual),
                () -> "expected " + expected + " but was " + actual);
    }
}

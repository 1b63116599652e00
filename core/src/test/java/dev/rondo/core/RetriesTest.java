package dev.rondo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The retry rules the worker and the test kit share; the random draw is injected, so they are exact here. */
class RetriesTest {

    /** 3 attempts, backoff 2 s × 3 up to 10 s. */
    private static final TaskOptions OPTIONS = new TaskOptions(null, 3, 2, 3, 10, 30, null, 0, null, null, 0, null, 0);

    @Test
    void aRetryableFailureIsRetriedUntilTheAttemptsAreSpent() {
        assertTrue(Retries.retry(OPTIONS, 1, true));
        assertTrue(Retries.retry(OPTIONS, 2, true));
        assertFalse(Retries.retry(OPTIONS, 3, true));
        assertFalse(Retries.retry(OPTIONS, 1, false));
    }

    @Test
    void theBackoffIsSpreadByAQuarterEitherWayByTheDraw() {
        assertEquals(2.0, Retries.delayAfter(OPTIONS, 1, Retries.NO_JITTER));
        assertEquals(6.0, Retries.delayAfter(OPTIONS, 2, Retries.NO_JITTER));
        assertEquals(10.0, Retries.delayAfter(OPTIONS, 3, Retries.NO_JITTER), "capped by max");
        assertEquals(1.5, Retries.delayAfter(OPTIONS, 1, () -> 0.0));
        assertEquals(6.75, Retries.delayAfter(OPTIONS, 2, () -> 0.75), "+12.5% at three quarters");
    }

    @Test
    void idsAndMessagesFollowTheEnginesWording() {
        assertEquals("order-7.t3", ExecutionIds.task("order-7", 3));
        assertEquals("order-7.w4", ExecutionIds.child("order-7", 4));
        assertEquals("order-7/charge", IdempotencyKeys.of("order-7", "charge", "order-7.t3"));
        assertEquals("order-7.t3", IdempotencyKeys.of("order-7", null, "order-7.t3"));
        assertEquals("Task 'slow' timed out after 10 seconds.", Retries.timedOut("slow", 10));
        assertEquals("Task 'slow' timed out after 0.5 seconds.", Retries.timedOut("slow", 0.5));
        assertEquals("Task 'slow' sent no heartbeat for 5 seconds.", Retries.noHeartbeat("slow", 5));
    }
}

package dev.rondo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries, backoff and timeouts follow Task.run's options, in virtual time and without jitter. */
class RetriesAndTimeoutsTest {

    static final Path FLOWS = OrderFlowTest.FLOWS;

    private static List<Long> secondsOf(FlowRun run, String task) {
        return run.tasks(task).stream()
                .map(a -> Duration.between(run.tasks().get(0).at(), a.at()).toSeconds()).toList();
    }

    @Test
    void retriesWaitTheBackoffOfTheTasksOptions() {
        FlowRun run = FlowTest.of(FLOWS)
                .mock("flaky", TaskMock.sequence(TaskMock.failing("down"), TaskMock.failing("still down"),
                        TaskMock.failing("nearly"), TaskMock.json("{\"ok\": true}")))
                .start("retries", null);

        assertEquals(1, run.tasks().size(), "the retry waits for its backoff");
        run.advance(Duration.ofSeconds(2));
        assertEquals(2, run.tasks().size());
        run.runUntilIdle();

        assertEquals(List.of(0L, 2L, 8L, 26L), secondsOf(run, "flaky"));
        assertEquals(List.of(1, 2, 3, 4), run.tasks().stream().map(FlowRun.Attempt::attempt).toList());
        assertEquals("{\"ok\":true}", run.resultJson());
    }

    @Test
    void theLastFailureIsThrownWhenAttemptsAreSpent() {
        FlowRun run = FlowTest.of(FLOWS).mock("flaky", TaskMock.failing("down")).run("retries", null);

        assertEquals(List.of("TaskError flaky 4 down"), run.logs());
        assertEquals(Duration.ofSeconds(26), run.elapsed());
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        FlowRun run = FlowTest.of(FLOWS).mock("flaky", TaskMock.failingPermanently("bad input")).run("retries", null);

        assertEquals(List.of("TaskError flaky 1 bad input"), run.logs());
        assertEquals(Duration.ZERO, run.elapsed());
    }

    @Test
    void anAttemptLongerThanTheTimeoutTimesOutAndIsRetried() {
        FlowRun run = FlowTest.of(FLOWS).mock("slow", TaskMock.json("{}").after(Duration.ofSeconds(20))).run("timeouts", null);

        assertEquals(FlowRun.Status.FAILED, run.status());
        assertEquals("Task 'slow' timed out after 10 seconds.", run.error().message());
        assertEquals(List.of(0L, 15L), secondsOf(run, "slow"), "10 s timeout, then 5 s backoff");
        assertEquals(Duration.ofSeconds(25), run.elapsed());
    }

    @Test
    void anAttemptWithinTheTimeoutTakesItsVirtualTime() {
        FlowRun run = FlowTest.of(FLOWS)
                .mock("slow", TaskMock.json("{\"done\": 1}").after(Duration.ofSeconds(9)))
                .start("timeouts", null);

        assertEquals(FlowRun.Status.WAITING, run.status());
        run.advance(Duration.ofSeconds(9));
        assertEquals(1, run.result(JsonNode.class).get("done").asInt());
    }
}

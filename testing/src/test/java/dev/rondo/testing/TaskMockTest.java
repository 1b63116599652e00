package dev.rondo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of mock answers as it says. */
class TaskMockTest {

    static final String TWO_CALLS = """
            let a = await Task.run("t", {n: 1})
            let b = await Task.run("t", {n: 2})
            return [a, b]
            """;

    private static String run(TaskMock mock) {
        return FlowTest.ofSource("two", TWO_CALLS).mock("t", mock).run("two", null).resultJson();
    }

    @Test
    void jsonAnswersEveryCallWithAFreshCopy() {
        assertEquals("[{\"x\":1},{\"x\":1}]", run(TaskMock.json("{\"x\": 1}")));
    }

    @Test
    void answeringIsAFunctionOfTheInput() {
        assertEquals("[10,20]", run(TaskMock.answering(input -> input.get("n").asInt() * 10)));
    }

    @Test
    void valueIsWrittenByJackson() {
        record Price(String currency, double amount) {}
        assertEquals("[{\"currency\":\"EUR\",\"amount\":2.5},{\"currency\":\"EUR\",\"amount\":2.5}]",
                run(TaskMock.value(new Price("EUR", 2.5))));
    }

    @Test
    void aSequenceAnswersCallsInOrderAndRepeatsItsLast() {
        assertEquals("[\"first\",\"second\"]", run(TaskMock.sequence(TaskMock.json("\"first\""), TaskMock.json("\"second\""))));
        assertEquals("[\"only\",\"only\"]", run(TaskMock.sequence(TaskMock.json("\"only\""))));
    }

    @Test
    void aSequenceStartsAgainInEveryRun() {
        FlowTest env = FlowTest.ofSource("two", TWO_CALLS)
                .mock("t", TaskMock.sequence(TaskMock.json("1"), TaskMock.json("2"), TaskMock.json("3")));

        assertEquals("[1,2]", env.run("two", null).resultJson());
        assertEquals("[1,2]", env.run("two", null).resultJson());
    }

    @Test
    void aMockThatThrowsFailsLikeAHandler() {
        FlowRun run = FlowTest.ofSource("two", TWO_CALLS)
                .mock("t", TaskMock.answering(input -> {
                    throw dev.rondo.worker.TaskFailure.permanent("nope");
                }))
                .run("two", null);

        assertEquals("nope", run.error().message());
        assertEquals(List.of(1), run.tasks().stream().map(FlowRun.Attempt::attempt).toList());
    }

    @Test
    void aMockThatIsNotJsonIsRejectedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskMock.json("{oops}"));
        assertEquals(true, e.getMessage().startsWith("the mocked result is not JSON"), e.getMessage());
    }
}

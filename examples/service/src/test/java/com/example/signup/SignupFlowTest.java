package com.example.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.testing.FlowRun;
import dev.rondo.testing.FlowTest;
import dev.rondo.testing.TaskMock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** signup.flow on virtual time, with the worker's own handlers: three days pass in microseconds. */
class SignupFlowTest {

    private final Accounts accounts = new Accounts();
    private final FlowTest env = FlowTest.of(Path.of("src/main/flows")).handlers(accounts::register);

    @Test
    void aConfirmedAccountIsActivatedAndWelcomed() {
        FlowRun run = env.start("signup", "{\"id\": \"a-1\", \"email\": \"ada@example.com\"}");
        assertEquals(List.of("signal confirmed", "timer"), run.waitingFor());

        run.advance(Duration.ofHours(5)).signal("confirmed", "true");

        assertEquals(new Signups.Outcome("active"), run.result(Signups.Outcome.class));
        assertEquals("active", accounts.state("a-1"));
        assertEquals(List.of("confirm", "welcome"), accounts.outbox().stream().map(Accounts.Sent::template).toList());
        assertEquals(List.of("activated a-1"), run.logs());
    }

    @Test
    void anAccountNotConfirmedWithinThreeDaysIsClosed() {
        FlowRun run = env.start("signup", "{\"id\": \"a-2\", \"email\": \"bob@example.com\"}");

        run.advance(Duration.ofDays(3));

        assertEquals(new Signups.Outcome("closed"), run.result(Signups.Outcome.class));
        assertEquals("closed", accounts.state("a-2"));
        assertEquals(List.of("closed a-2: not confirmed"), run.logs());
    }

    @Test
    void activationIsRetriedWhenTheAccountStoreIsDown() {
        FlowRun run = env.mock("activateAccount", TaskMock.sequence(TaskMock.failing("store down"), TaskMock.json("{}")))
                .start("signup", "{\"id\": \"a-3\", \"email\": \"cy@example.com\"}");

        run.signal("confirmed", "true").runUntilIdle();

        assertEquals(new Signups.Outcome("active"), run.result(Signups.Outcome.class));
        assertEquals(List.of(1, 2), run.tasks("activateAccount").stream().map(FlowRun.Attempt::attempt).toList());
    }
}

package dev.rondo.examples.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.examples.Examples;
import dev.rondo.examples.Mailbox;
import dev.rondo.examples.Mailbox.Email;
import dev.rondo.testing.FlowRun;
import dev.rondo.testing.FlowTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code approval/request.flow} on virtual time with its DEFAULT interval of a day, which the engine test
 * cannot wait for: reminders on days 1 to 3, escalation on day 4, expiry on day 5, sent by the real
 * {@link Mailbox} handler. Each test takes milliseconds.
 */
class ApprovalFlowTest {

    /** A request that leaves the interval and the number of reminders to the flow's defaults (a day, 3). */
    private static final String REQUEST = """
            {"title": "a new laptop for Ada", "requester": "ada@example.com", "approver": "grace@example.com",
             "manager": "mia@example.com"}""";

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final Mailbox mail = new Mailbox();
    private final FlowTest env = FlowTest.of(Examples.flows()).handlers(mail::register);

    record Decision(boolean approved, String by, String comment, int reminders, boolean escalated) {}

    private static Instant day(double days) {
        return START.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    private static List<String> subjects(List<Email> emails) {
        return emails.stream().map(Email::subject).toList();
    }

    @Test
    void nobodyAnswersSoItRemindsDailyEscalatesOnDayFourAndExpiresOnDayFive() {
        FlowRun run = env.run("approval/request", REQUEST);

        assertEquals(new Decision(false, "nobody", "expired without a decision", 3, true), run.result(Decision.class));
        assertEquals(Duration.ofDays(5), run.elapsed());
        assertEquals(List.of(day(0), day(1), day(2), day(3), day(4), day(5)),
                run.tasks("sendEmail").stream().map(FlowRun.Attempt::at).toList());
        assertEquals(List.of(day(1), day(2), day(3), day(4), day(5)),
                run.timers().stream().map(FlowRun.Timer::fireAt).toList(), "one day-long timer per round");
        assertEquals(List.of(
                "Please approve: a new laptop for Ada",
                "Reminder 1 of 3: please approve a new laptop for Ada",
                "Reminder 2 of 3: please approve a new laptop for Ada",
                "Reminder 3 of 3: please approve a new laptop for Ada"), subjects(mail.sentTo("grace@example.com")));
        assertEquals(List.of("Escalated: please approve a new laptop for Ada"), subjects(mail.sentTo("mia@example.com")));
        assertEquals(List.of("a new laptop for Ada: rejected"), subjects(mail.sentTo("ada@example.com")));
        assertEquals(List.of(
                "no answer yet: reminder 1 of 3",
                "no answer yet: reminder 2 of 3",
                "no answer yet: reminder 3 of 3",
                "no answer after 3 reminders: escalating to mia@example.com",
                "rejected by nobody"), run.logs());
    }

    @Test
    void theFirstReminderWaitsAFullDay() {
        FlowRun run = env.start("approval/request", REQUEST);
        assertEquals(List.of("signal approve", "signal reject", "timer"), run.waitingFor());

        run.advance(Duration.ofDays(1).minusSeconds(1));
        assertEquals(1, mail.sent().size(), "only the request itself, a second before the day is up");

        run.advance(Duration.ofSeconds(1));
        assertEquals("Reminder 1 of 3: please approve a new laptop for Ada", mail.sent().get(1).subject());
        assertEquals(FlowRun.Status.WAITING, run.status());
    }

    @Test
    void anApprovalOnDayTwoAndAHalfEndsTheWaitingAfterTwoReminders() {
        FlowRun run = env.start("approval/request", REQUEST)
                .advance(Duration.ofHours(60))
                .signal("approve", "{\"by\": \"grace@example.com\", \"comment\": \"go ahead\"}");

        assertEquals(new Decision(true, "grace@example.com", "go ahead", 2, false), run.result(Decision.class));
        assertEquals(day(2.5), run.now());
        assertEquals(List.of(), mail.sentTo("mia@example.com"));
        assertEquals(List.of(new Email("ada@example.com", "a new laptop for Ada: approved", "go ahead")),
                mail.sentTo("ada@example.com"));
    }

    @Test
    void theManagerApprovesOnDayFourAfterTheEscalation() {
        FlowRun run = env.start("approval/request", REQUEST)
                .signalAt(day(4.25), "approve", "{\"by\": \"mia@example.com\"}")
                .runUntilIdle();

        assertEquals(new Decision(true, "mia@example.com", "", 3, true), run.result(Decision.class));
        assertEquals(day(4.25), run.tasks("sendEmail").getLast().at(), "the requester hears at once");
    }

    @Test
    void aBareRejectionIsTheApproversDecisionAtOnce() {
        FlowRun run = env.start("approval/request", REQUEST).signal("reject", "true");

        assertEquals(new Decision(false, "grace@example.com", "", 0, false), run.result(Decision.class));
        assertEquals(Duration.ZERO, run.elapsed());
    }
}

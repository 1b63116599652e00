package dev.rondo.examples.approval;

import static dev.rondo.examples.Json.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.client.WorkflowHandle;
import dev.rondo.examples.ExampleEngine;
import dev.rondo.examples.Mailbox;
import dev.rondo.examples.Mailbox.Email;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code approval/request.flow} on the engine: approval, rejection, reminders, escalation and expiry. */
class ApprovalExampleTest {

    private static final Duration WAIT = Duration.ofMinutes(1);

    private final Mailbox mail = new Mailbox();
    // No worker yet: the demo starts its own, and a second worker on the queue would take some of its tasks.
    private final ExampleEngine engine = new ExampleEngine("approval");

    @AfterEach
    void close() {
        engine.close();
    }

    private WorkflowHandle start(double remindEverySeconds, int maxReminders) {
        return engine.worker(mail::register)
                .start("approval/request", ApprovalExample.request(remindEverySeconds, maxReminders));
    }

    private static List<String> subjects(List<Email> emails) {
        return emails.stream().map(Email::subject).toList();
    }

    @Test
    void anApprovalSentBeforeTheWorkflowWaitsIsKeptForIt() {
        WorkflowHandle request = start(3600, 3);
        request.signal("approve", "{\"by\": \"grace@example.com\"}");
        assertEquals("""
                {"approved":true,"by":"grace@example.com","comment":"","reminders":0,"escalated":false}""",
                completed(request.result(WAIT)).toString());
        assertEquals(List.of("Please approve: a new laptop for Ada"), subjects(mail.sentTo("grace@example.com")));
        assertEquals(List.of("a new laptop for Ada: approved"), subjects(mail.sentTo("ada@example.com")));
    }

    @Test
    void aRejectionAfterTheFirstReminderEndsTheWaiting() throws InterruptedException {
        WorkflowHandle request = start(1, 3);
        mail.await(email -> email.subject().startsWith("Reminder 1"), WAIT);
        request.signal("reject", "{\"by\": \"grace@example.com\", \"comment\": \"over budget\"}");
        assertEquals("""
                {"approved":false,"by":"grace@example.com","comment":"over budget","reminders":1,"escalated":false}""",
                completed(request.result(WAIT)).toString());
        assertEquals(List.of(new Email("ada@example.com", "a new laptop for Ada: rejected", "over budget")),
                mail.sentTo("ada@example.com"));
        assertEquals(List.of(), mail.sentTo("mia@example.com"));
    }

    @Test
    void unansweredRemindersEscalateToTheManagerAndThenTheRequestExpires() {
        WorkflowHandle request = start(0.1, 2);
        assertEquals("""
                {"approved":false,"by":"nobody","comment":"expired without a decision","reminders":2,"escalated":true}""",
                completed(request.result(WAIT)).toString());
        assertEquals(List.of(
                "Please approve: a new laptop for Ada",
                "Reminder 1 of 2: please approve a new laptop for Ada",
                "Reminder 2 of 2: please approve a new laptop for Ada"), subjects(mail.sentTo("grace@example.com")));
        assertEquals(List.of("Escalated: please approve a new laptop for Ada"), subjects(mail.sentTo("mia@example.com")));
        assertEquals(List.of(
                "no answer yet: reminder 1 of 2",
                "no answer yet: reminder 2 of 2",
                "no answer after 2 reminders: escalating to mia@example.com",
                "rejected by nobody"), request.logs(0));
    }

    @Test
    void theManagerCanApproveOnceEscalated() throws InterruptedException {
        WorkflowHandle request = start(1, 1);
        mail.await(email -> email.to().equals("mia@example.com"), WAIT);
        request.signal("approve", "{\"by\": \"mia@example.com\", \"comment\": \"approved in Grace's absence\"}");
        assertEquals("""
                {"approved":true,"by":"mia@example.com","comment":"approved in Grace's absence","reminders":1,"escalated":true}""",
                completed(request.result(WAIT)).toString());
    }

    @Test
    void aBarePayloadCountsAsTheApproversDecision() {
        WorkflowHandle request = start(3600, 3);
        request.signal("reject", "true");
        assertEquals("grace@example.com", completed(request.result(WAIT)).get("by").asText());
    }

    @Test
    void theDemoApprovesAfterTheFirstReminder() throws InterruptedException {
        assertEquals(true, completed(ApprovalExample.demo(engine.rondo)).get("approved").asBoolean());
    }
}

package dev.rondo.examples.approval;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.examples.Examples;
import dev.rondo.examples.Mailbox;
import dev.rondo.worker.Worker;
import java.time.Duration;

/**
 * Runs {@code approval/request.flow} with reminders every second: waits for the first reminder to go
 * out, then approves the request with the {@code approve} signal, as the approver clicking a link would.
 */
public final class ApprovalExample {

    private ApprovalExample() {}

    public static void main(String[] args) throws Exception {
        Examples.main(ApprovalExample::demo);
    }

    /** Deploys the flows, runs one request to its approval on a worker of its own, prints and returns it. */
    public static WorkflowResult demo(RondoClient rondo) throws InterruptedException {
        Mailbox mail = new Mailbox();
        rondo.deploy(Examples.flows());
        try (Worker worker = Examples.startWorker(rondo, mail::register)) {
            WorkflowHandle request = Examples.start(rondo, "approval/request", request(1, 2));
            mail.await(email -> email.subject().startsWith("Reminder 1"), Duration.ofMinutes(1));
            System.out.println("(the approver read the first reminder and approves)");
            request.signal("approve", "{\"by\": \"grace@example.com\", \"comment\": \"go ahead\"}");
            WorkflowResult result = Examples.awaitAndPrint(request);
            mail.sent().forEach(email -> System.out.println("   mail to " + email.to() + ": " + email.subject()));
            return result;
        }
    }

    /** A request for a new laptop, reminding every {@code remindEverySeconds} up to {@code maxReminders} times. */
    static String request(double remindEverySeconds, int maxReminders) {
        return """
                {"title": "a new laptop for Ada", "requester": "ada@example.com", "approver": "grace@example.com",
                 "manager": "mia@example.com", "remindEverySeconds": %s, "maxReminders": %d}"""
                .formatted(remindEverySeconds, maxReminders);
    }
}

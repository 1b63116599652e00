package dev.rondo.dashboard.internal;

import dev.rondo.client.RondoClient;
import dev.rondo.client.UpgradeOptions;
import dev.rondo.client.UpgradeReport;

/**
 * The actions (signal, cancel, pause, resume, terminate; pause and resume of a queue), through the client so that they obey exactly the rules the Java API and the command line
 * do (the signal name and payload are checked there; a finished execution refuses them). Each answers with
 * a redirect to the execution's page (post, redirect, get), or 400 with the client's sentence.
 */
final class Actions {

    private final RondoClient client;

    Actions(RondoClient client) {
        this.client = client;
    }

    void signal(Exchange x) {
        String id = required(x, "id");
        String name = required(x, "name");
        String payload = x.rawParam("payload");
        client.handle(id).signal(name, payload == null || payload.isBlank() ? "null" : payload);
        x.redirect("/execution?id=" + Page.q(id) + "&signalled=" + Page.q(name));
    }

    void cancel(Exchange x) {
        String id = required(x, "id");
        if (!"yes".equals(x.param("confirm"))) {
            throw new Exchange.BadRequest("Cancelling needs its confirmation: tick the box beside the button.");
        }
        client.handle(id).cancel();
        x.redirect("/execution?id=" + Page.q(id) + "&cancelled=yes");
    }

    void pause(Exchange x) {
        String id = required(x, "id");
        confirmed(x, "Pausing");
        client.handle(id).pause();
        x.redirect("/execution?id=" + Page.q(id) + "&paused=yes");
    }

    void resume(Exchange x) {
        String id = required(x, "id");
        client.handle(id).resume(); // undoes a pause: no confirmation needed
        x.redirect("/execution?id=" + Page.q(id) + "&resumed=yes");
    }

    void terminate(Exchange x) {
        String id = required(x, "id");
        confirmed(x, "Terminating");
        String reason = x.param("reason");
        client.handle(id).terminate(reason == null || reason.isBlank() ? null : reason);
        x.redirect("/execution?id=" + Page.q(id) + "&terminated=yes");
    }

    void pauseQueue(Exchange x) {
        String queue = required(x, "queue");
        confirmed(x, "Pausing a queue");
        client.pauseQueue(queue);
        x.redirect("/queues?paused=" + Page.q(queue));
    }

    void resumeQueue(Exchange x) {
        String queue = required(x, "queue");
        client.resumeQueue(queue);
        x.redirect("/queues?resumed=" + Page.q(queue));
    }

    void retry(Exchange x) {
        String id = required(x, "id");
        confirmed(x, "Retrying");
        client.handle(id).retry();
        x.redirect("/execution?id=" + Page.q(id) + "&retried=yes");
    }

    void rewind(Exchange x) {
        String id = required(x, "id");
        int step = step(x);
        confirmed(x, "Rewinding");
        client.handle(id).rewind(step);
        x.redirect("/execution?id=" + Page.q(id) + "&rewound=" + step);
    }

    /** Starts a new execution from a step of this one and shows it. */
    void fork(Exchange x) {
        String id = required(x, "id");
        int step = step(x);
        String newId = x.param("newId");
        confirmed(x, "Forking");
        String forked = client.handle(id).fork(step, newId == null || newId.isBlank() ? null : newId.strip()).id();
        x.redirect("/execution?id=" + Page.q(forked) + "&forked=yes");
    }

    /** {@code rondo upgrade NAME}: moves what can move, then shows what is left. */
    void upgrade(Exchange x) {
        String name = required(x, "workflow");
        confirmed(x, "Moving executions to the current version");
        UpgradeReport report = client.upgrade(name, UpgradeOptions.DEFAULTS);
        x.redirect("/upgrade?workflow=" + Page.q(name) + "&moved=" + report.moved() + "&refused=" + report.refused());
    }

    private static int step(Exchange x) {
        String text = required(x, "step");
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new Exchange.BadRequest("The step must be a whole number (one of the execution's checkpoints), not '" + text + "'.");
        }
    }

    private static void confirmed(Exchange x, String what) {
        if (!"yes".equals(x.param("confirm"))) {
            throw new Exchange.BadRequest(what + " needs its confirmation: tick the box beside the button.");
        }
    }

    private static String required(Exchange x, String name) {
        String value = x.param(name);
        if (value == null) {
            throw new Exchange.BadRequest("The form lacks its " + name + ".");
        }
        return value;
    }
}

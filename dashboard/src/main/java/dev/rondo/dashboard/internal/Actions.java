package dev.rondo.dashboard.internal;

import dev.rondo.client.RondoClient;

/**
 * The two actions, through the client so that they obey exactly the rules the Java API and the command line
 * do (the signal name and payload are checked there; a finished execution refuses both). Each answers with
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

    private static String required(Exchange x, String name) {
        String value = x.param(name);
        if (value == null) {
            throw new Exchange.BadRequest("The form lacks its " + name + ".");
        }
        return value;
    }
}

package dev.rondo.dashboard.internal;

import dev.rondo.client.RondoClient;
import dev.rondo.client.Schedule;
import dev.rondo.client.ScheduleDescription;
import java.util.List;
import java.util.Locale;

/**
 * Schedules (docs/scheduling.md): each with its workflow, when it fires, its overlap policy, whether it is
 * paused, its next fire time and its last run, with pause / resume and "run now" (a trigger through the
 * overlap policy), all through the client's {@code schedules()} so they obey the command line's rules.
 */
final class SchedulesPage {

    private final RondoClient client;

    SchedulesPage(RondoClient client) {
        this.client = client;
    }

    String render(Page page) {
        List<ScheduleDescription> schedules = client.schedules().list();
        Html h = new Html().raw("<h1>Schedules</h1>");
        if (schedules.isEmpty()) {
            h.raw("<p class=\"empty\">No schedule yet: <code>rondo schedule create NAME --workflow W --cron '0 2 * * *'</code>"
                    + " or a <code>schedules.json</code> beside the flows.</p>");
            return page.document("Schedules", "schedules", h.toString());
        }
        h.raw("<table class=\"schedules\"><thead><tr><th>Schedule</th><th>Workflow</th><th>When</th><th>Overlap</th>"
                + "<th>State</th><th>Next fire (UTC)</th><th>Last run</th><th></th></tr></thead><tbody>");
        for (ScheduleDescription d : schedules) {
            Schedule s = d.schedule();
            h.raw("<tr data-schedule=\"").text(s.name()).raw("\"><td>").text(s.name()).raw("</td><td>")
                    .link(page.href("/executions?workflow=" + Page.q(s.workflow())), s.workflow()).raw("</td><td>")
                    .text(when(s)).raw("</td><td>").text(s.overlap().name().toLowerCase(Locale.ROOT)).raw("</td><td>");
            if (d.paused()) {
                ExecutionsPage.badge(h, "paused");
            } else {
                h.raw("<span class=\"badge\">active</span>");
            }
            h.raw("</td><td>").text(d.paused() ? "" : Format.time(d.nextFireAt())).raw("</td><td>");
            if (d.lastExecutionId() != null) {
                h.link(page.executionHref(d.lastExecutionId()), d.lastExecutionId()).raw(" ");
                ExecutionsPage.badge(h, d.lastStatus());
            }
            h.raw("</td><td>");
            if (!page.options().readOnly()) {
                actions(h, page, s.name(), d.paused());
            }
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table>");
        return page.document("Schedules", "schedules", h.toString());
    }

    private static String when(Schedule s) {
        if (s.cron() != null) {
            return s.cron() + (Schedule.DEFAULT_TIME_ZONE.equals(s.timeZone()) ? "" : " (" + s.timeZone() + ")");
        }
        return "every " + s.everySeconds() + " s";
    }

    private static void actions(Html h, Page page, String name, boolean paused) {
        form(h, page, paused ? "resume" : "pause", name);
        if (!paused) {
            h.raw("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> I want to pause it</label>");
        }
        h.raw("<button type=\"submit\">").text(paused ? "Resume" : "Pause").raw("</button></form>");
        form(h, page, "trigger", name);
        h.raw("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> I want a run now</label>")
                .raw("<button type=\"submit\" data-confirm=\"Start a run of ").text(name)
                .raw(" now, through its overlap policy?\">Run now</button></form>");
    }

    private static void form(Html h, Page page, String action, String name) {
        h.raw("<form method=\"post\" class=\"schedule-").text(action).raw("\" action=\"")
                .text(page.href("/schedules/" + action)).raw("\">");
        page.csrfField(h);
        h.raw("<input type=\"hidden\" name=\"name\" value=\"").text(name).raw("\">");
    }

    /** POST /schedules/pause, /resume, /trigger. */
    void act(Exchange x, String action) {
        String name = x.param("name");
        if (name == null) {
            throw new Exchange.BadRequest("The form lacks the schedule's name.");
        }
        if (!action.equals("resume") && !"yes".equals(x.param("confirm"))) {
            throw new Exchange.BadRequest("This needs its confirmation: tick the box beside the button.");
        }
        switch (action) {
            case "pause" -> client.schedules().pause(name);
            case "resume" -> client.schedules().resume(name);
            default -> {
                var run = client.schedules().trigger(name);
                if (run.isPresent()) {
                    x.redirect("/execution?id=" + Page.q(run.get().id()));
                    return;
                }
            }
        }
        x.redirect("/schedules?" + action + "=" + Page.q(name));
    }
}

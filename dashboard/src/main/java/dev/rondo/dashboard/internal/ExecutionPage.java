package dev.rondo.dashboard.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.client.RondoClient;
import dev.rondo.client.Step;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.Variables;
import dev.rondo.store.DashboardDao;
import dev.rondo.core.ExecutionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workflow execution: status and times, input and result or error, the source with the line it waits
 * at (or failed at) marked, what it waits for (tasks with attempts, last error and next retry; timers with
 * due times; signals buffered), its variables as a tree, its timeline, its tasks and children, its log
 * (followed live by the page's script through {@link LogEvents}), and the actions: signal, cancel, pause or resume,
 * and terminate.
 */
final class ExecutionPage {

    static final int CHILD_LIMIT = 500;
    static final int EVENT_LIMIT = 1_000;
    static final int LOG_LIMIT = 1_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Reads reads;

    /** For the checkpoint history (steps), which the client reads. */
    private final RondoClient client;

    ExecutionPage(Reads reads, RondoClient client) {
        this.reads = reads;
        this.client = client;
    }

    private record Data(DashboardDao.Execution e, List<DashboardDao.Child> children, List<DashboardDao.Timer> timers,
                        List<DashboardDao.Signal> signals, List<DashboardDao.Event> history, List<DashboardDao.LogLine> log) {}

    String render(Exchange x, Page page) {
        String id = x.param("id");
        if (id == null) {
            throw new Exchange.BadRequest("Which execution? Give its id as ?id=…");
        }
        boolean hidden = page.options().hiddenData();
        Data d = reads.read(dao -> {
            DashboardDao.Execution e = dao.execution(id)
                    .orElseThrow(() -> new Exchange.NotFound("No workflow execution has the id '" + id + "'."));
            return new Data(e, dao.children(id, CHILD_LIMIT), dao.timers(id), dao.signals(id, EVENT_LIMIT),
                    dao.history(id, EVENT_LIMIT), hidden ? List.of() : dao.logLines(id, 0, LOG_LIMIT));
        });
        DashboardDao.Execution e = d.e;
        boolean ended = ExecutionStatus.of(e.status()).ended();
        Instant now = Instant.now();
        Html h = new Html();
        h.raw("<h1>Execution <code id=\"execution-id\">").text(e.id()).raw("</code> ");
        ExecutionsPage.badge(h, e.status());
        h.raw("</h1>");
        summary(h, page, e, now);
        if (!ended && !page.options().readOnly()) {
            actions(h, page, e);
        }
        checkpoints(h, page, e, client.handle(e.id()).steps());
        WorkflowResult.ExecutionError error = new WorkflowResult(e.id(), ExecutionStatus.of(e.status()), e.result(), e.error()).error();
        if (error != null) {
            h.raw("<section class=\"error\"><h2>Error</h2><pre id=\"error\">").text(error.toString()).raw("</pre></section>");
        }
        if (e.sliceError() != null && !ended) {
            h.raw("<section class=\"error\"><h2>Last slice failure</h2><pre>").text(e.sliceError()).raw("</pre></section>");
        }

        h.raw("<div class=\"columns\"><div class=\"column\">");
        waiting(h, page, e, d, now);
        h.raw("<section><h2>Source</h2>");
        int line = ended ? (error == null ? 0 : error.line()) : SourceView.lineOf(e.waitingAt());
        String note = ended ? null : waitingNote(e.waitingFor());
        SourceView.render(h, e.source(), line, ended ? "failed" : "waiting", note);
        h.raw("</section></div><div class=\"column\">");
        variables(h, page, e, ended);
        data(h, "Input", "input", e.input(), hidden);
        if (e.result() != null || e.status().equals("completed")) {
            data(h, "Result", "result", e.result(), hidden);
        }
        h.raw("</div></div>");

        h.raw("<section><h2>Timeline</h2>").raw(Timeline.render(e, d.children, d.history, d.timers, d.signals, now)).raw("</section>");
        children(h, page, d.children, now);
        log(h, page, e, d.log, hidden, ended);
        history(h, d.history);
        return page.document("Execution " + e.id(), "executions", h.toString());
    }

    private static void summary(Html h, Page page, DashboardDao.Execution e, Instant now) {
        h.raw("<dl class=\"summary\"><dt>Workflow</dt><dd>")
                .link(page.href("/workflow?name=" + Page.q(e.workflow()) + "&hash=" + Page.q(e.definitionHash())), e.workflow())
                .raw(" <span class=\"hash\">").text(e.definitionHash().substring(0, Math.min(12, e.definitionHash().length())))
                .raw("</span></dd><dt>Queue</dt><dd>").link(page.href("/queues"), e.queue())
                .raw("</dd><dt>Created</dt><dd>").text(Format.time(e.createdAt()))
                .raw("</dd><dt>Started</dt><dd>").text(Format.time(e.startedAt()))
                .raw("</dd><dt>Finished</dt><dd>").text(Format.time(e.finishedAt()))
                .raw("</dd><dt>Took</dt><dd>").text(Format.between(e.createdAt(), e.finishedAt() == null ? now : e.finishedAt()))
                .text(e.finishedAt() == null ? " so far" : "").raw("</dd>");
        if (e.parentId() != null) {
            h.raw("<dt>Parent</dt><dd>").link(page.executionHref(e.parentId()), e.parentId()).raw("</dd>");
        }
        if (e.cancelRequested()) {
            h.raw("<dt>Cancel</dt><dd>requested</dd>");
        }
        h.raw("</dl>");
    }

    private static void actions(Html h, Page page, DashboardDao.Execution e) {
        h.raw("<section class=\"actions\"><form method=\"post\" class=\"signal\" action=\"").text(page.href("/execution/signal")).raw("\">");
        page.csrfField(h);
        h.raw("<input type=\"hidden\" name=\"id\" value=\"").text(e.id()).raw("\">")
                .raw("<label>Signal <input name=\"name\" required placeholder=\"name\" value=\"")
                .text(signalWaitedFor(e.waitingFor())).raw("\"></label>")
                .raw("<label>Payload (JSON) <textarea name=\"payload\" rows=\"2\" data-json>null</textarea></label>")
                .raw("<button type=\"submit\">Send signal</button></form>");
        h.raw("<form method=\"post\" class=\"cancel\" action=\"").text(page.href("/execution/cancel")).raw("\">");
        page.csrfField(h);
        h.raw("<input type=\"hidden\" name=\"id\" value=\"").text(e.id()).raw("\">")
                .raw("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> I want to cancel it</label>")
                .raw("<button type=\"submit\" class=\"danger\" data-confirm=\"Cancel execution ").text(e.id())
                .raw("? It gets CancelledError at its await.\">Cancel execution</button></form>");
        if (e.status().equals("paused")) {
            h.raw("<form method=\"post\" class=\"resume\" action=\"").text(page.href("/execution/resume")).raw("\">");
            page.csrfField(h);
            h.raw("<input type=\"hidden\" name=\"id\" value=\"").text(e.id()).raw("\">")
                    .raw("<button type=\"submit\">Resume execution</button></form>");
        } else if (!e.cancelRequested()) {
            h.raw("<form method=\"post\" class=\"pause\" action=\"").text(page.href("/execution/pause")).raw("\">");
            page.csrfField(h);
            h.raw("<input type=\"hidden\" name=\"id\" value=\"").text(e.id()).raw("\">")
                    .raw("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> I want to pause it</label>")
                    .raw("<button type=\"submit\" data-confirm=\"Pause execution ").text(e.id())
                    .raw("? It runs nothing until resumed; what comes in meanwhile waits.\">Pause execution</button></form>");
        }
        h.raw("<form method=\"post\" class=\"terminate\" action=\"").text(page.href("/execution/terminate")).raw("\">");
        page.csrfField(h);
        h.raw("<input type=\"hidden\" name=\"id\" value=\"").text(e.id()).raw("\">")
                .raw("<label>Reason <input name=\"reason\" placeholder=\"optional\"></label>")
                .raw("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> I want to terminate it</label>")
                .raw("<button type=\"submit\" class=\"danger\" data-confirm=\"Terminate execution ").text(e.id())
                .raw(" and all its children at once? None of their code runs again, not even finally.\">Terminate execution</button>")
                .raw("</form></section>");
    }

    /**
     * The checkpoint history (one step per await it waited at) and what an operator can do with it
     * (docs/operations.md): retry a failed execution, rewind a waiting, paused or failed one to a step, fork
     * a new execution from a step. Shown only when there is something to show or do.
     */
    private static void checkpoints(Html h, Page page, DashboardDao.Execution e, List<Step> steps) {
        boolean failed = e.status().equals("failed");
        boolean act = !page.options().readOnly();
        if (steps.isEmpty() && !(failed && act)) {
            return;
        }
        h.raw("<section class=\"checkpoints\"><h2>Checkpoints</h2>");
        if (failed && act) {
            form(h, page, "retry", e.id());
            h.raw("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> I want to retry it</label>")
                    .raw("<button type=\"submit\" data-confirm=\"Retry execution ").text(e.id())
                    .raw(" from the checkpoint before the await that failed it? A failed task gets fresh attempts.\">")
                    .raw("Retry execution</button></form>");
        }
        if (!steps.isEmpty()) {
            h.raw("<table><thead><tr><th>Step</th><th>Waited at</th><th>For</th><th>At</th></tr></thead><tbody>");
            for (Step step : steps) {
                h.raw("<tr><td>").text(String.valueOf(step.step())).raw("</td><td>").text(step.waitingAt())
                        .raw("</td><td>").text(String.join(", ", step.waitingFor())).raw("</td><td>")
                        .text(Format.time(step.at())).raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        if (!steps.isEmpty() && act) {
            if (failed || e.status().equals("waiting") || e.status().equals("paused")) {
                form(h, page, "rewind", e.id());
                stepChoice(h, steps);
                h.raw("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> I want to rewind it</label>")
                        .raw("<button type=\"submit\" class=\"danger\" data-confirm=\"Rewind execution ").text(e.id())
                        .raw(" to this step? What it started since is not undone.\">Rewind to step</button></form>");
            }
            form(h, page, "fork", e.id());
            stepChoice(h, steps);
            h.raw("<label>New id <input name=\"newId\" placeholder=\"optional\"></label>")
                    .raw("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> I want a fork</label>")
                    .raw("<button type=\"submit\" data-confirm=\"Start a new execution from this step of ").text(e.id())
                    .raw("? This one is not touched.\">Fork from step</button></form>");
        }
        h.raw("</section>");
    }

    private static void form(Html h, Page page, String action, String id) {
        h.raw("<form method=\"post\" class=\"").text(action).raw("\" action=\"").text(page.href("/execution/" + action)).raw("\">");
        page.csrfField(h);
        h.raw("<input type=\"hidden\" name=\"id\" value=\"").text(id).raw("\">");
    }

    private static void stepChoice(Html h, List<Step> steps) {
        h.raw("<label>Step <select name=\"step\">");
        for (int i = steps.size() - 1; i >= 0; i--) { // the latest first
            String n = String.valueOf(steps.get(i).step());
            h.raw("<option value=\"").text(n).raw("\">").text(n + " — " + steps.get(i).waitingAt()).raw("</option>");
        }
        h.raw("</select></label>");
    }

    /** The name of the first signal the execution waits for, to fill the form with. */
    private static String signalWaitedFor(String waitingForJson) {
        for (String need : needs(waitingForJson)) {
            if (need.startsWith("signal ")) {
                return need.substring(7);
            }
        }
        return "";
    }

    private static List<String> needs(String waitingForJson) {
        List<String> needs = new ArrayList<>();
        if (waitingForJson == null) {
            return needs;
        }
        try {
            JsonNode node = MAPPER.readTree(waitingForJson);
            node.forEach(n -> needs.add(n.asText()));
        } catch (Exception e) {
            needs.add(waitingForJson);
        }
        return needs;
    }

    private static String waitingNote(String waitingForJson) {
        List<String> needs = needs(waitingForJson);
        return needs.isEmpty() ? null : "← waits for " + String.join(", ", needs);
    }

    private static void waiting(Html h, Page page, DashboardDao.Execution e, Data d, Instant now) {
        if (ExecutionStatus.of(e.status()).ended()) {
            return;
        }
        h.raw("<section class=\"waiting\"><h2>Waiting</h2>");
        if (e.waitingAt() == null) {
            h.raw("<p>Not at an await yet: the execution is ").text(e.status()).raw(".</p></section>");
            return;
        }
        h.raw("<p>At <code id=\"waiting-at\">").text(e.waitingAt()).raw("</code> for <span id=\"waiting-for\">")
                .text(String.join(", ", needs(e.waitingFor()))).raw("</span></p>");
        List<DashboardDao.Child> open = d.children.stream().filter(c -> c.finishedAt() == null).toList();
        if (!open.isEmpty()) {
            h.raw("<table class=\"pending\"><thead><tr><th>Task or child</th><th>Status</th><th>Attempts</th>")
                    .raw("<th>Last error</th><th>Next attempt</th></tr></thead><tbody>");
            for (DashboardDao.Child c : open) {
                h.raw("<tr><td>").text(c.kind() + " ");
                if (c.kind().equals("workflow")) {
                    h.link(page.executionHref(c.id()), c.name());
                } else {
                    h.text(c.name());
                }
                h.raw("</td><td>").text(c.leased() ? "running" : c.status()).raw("</td><td>").text(c.attempt())
                        .raw("</td><td>").text(lastError(c.error())).raw("</td><td>")
                        .text(c.nextRunAt() == null ? "" : c.nextRunAt().isAfter(now)
                                ? Format.time(c.nextRunAt()) + " (in " + Format.between(now, c.nextRunAt()) + ")" : "now")
                        .raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        if (!d.timers.isEmpty()) {
            h.raw("<ul class=\"timers\">");
            for (DashboardDao.Timer t : d.timers) {
                h.raw("<li>timer #").text(t.promise()).raw(" due ").text(Format.time(t.fireAt()));
                if (t.fireAt().isAfter(now) && t.fireAt().getEpochSecond() < 253_402_300_799L) {
                    h.text(" (in " + Format.between(now, t.fireAt()) + ")");
                }
                h.raw("</li>");
            }
            h.raw("</ul>");
        }
        Map<String, Integer> buffered = new LinkedHashMap<>();
        d.signals.stream().filter(s -> s.consumedAt() == null).forEach(s -> buffered.merge(s.name(), 1, Integer::sum));
        if (!buffered.isEmpty()) {
            h.raw("<ul class=\"signals\">");
            buffered.forEach((name, n) -> h.raw("<li>signal ").el("code", null, name).raw(": ").text(n).raw(" buffered</li>"));
            h.raw("</ul>");
        }
        h.raw("</section>");
    }

    /** A task's stored error is {@code {message, …}} JSON; its message is what a person reads. */
    private static String lastError(String errorJson) {
        if (errorJson == null) {
            return "";
        }
        try {
            JsonNode node = MAPPER.readTree(errorJson);
            String message = node.path("message").asText(errorJson);
            return node.has("name") ? node.get("name").asText() + ": " + message : message;
        } catch (Exception e) {
            return errorJson;
        }
    }

    private static void variables(Html h, Page page, DashboardDao.Execution e, boolean ended) {
        h.raw("<section class=\"variables\" id=\"variables\"><h2>Variables</h2>");
        if (page.options().hiddenData()) {
            h.raw("<p class=\"hidden-data\">Hidden by the dashboard's settings.</p></section>");
            return;
        }
        Variables variables = ended ? Variables.NONE : safeVariables(e.checkpoint());
        if (variables.isEmpty()) {
            h.raw("<p class=\"empty\">").text(ended ? "None: the execution has ended." : "None yet: no checkpoint declares a variable.")
                    .raw("</p></section>");
            return;
        }
        if (e.checkpointedAt() != null) {
            h.raw("<p class=\"when\">As of the checkpoint at ").text(Format.time(e.checkpointedAt())).raw(" (UTC).</p>");
        }
        int open = 0;
        for (Variables.Scope scope : variables.scopes()) {
            h.raw("<details open class=\"scope\"><summary>").text(scope.depth() == 0 ? "workflow body" : "block, depth " + scope.depth())
                    .raw("</summary><ul class=\"vars\">");
            for (Variables.Variable v : scope.variables()) {
                h.raw("<li data-var=\"").text(v.name()).raw("\"><span class=\"var-name\">").text(v.name()).raw("</span> = ");
                JsonTree.render(h, v.json());
                h.raw("</li>");
            }
            h.raw("</ul>");
            open++;
        }
        h.raw("</details>".repeat(open)).raw("</section>");
    }

    private static Variables safeVariables(String checkpoint) {
        try {
            return Variables.fromCheckpoint(checkpoint);
        } catch (RuntimeException e) {
            return Variables.NONE; // a checkpoint of another format version: shown as none, not as a failed page
        }
    }

    private static void data(Html h, String title, String id, String json, boolean hidden) {
        h.raw("<section id=\"").raw(id).raw("\"><h2>").text(title).raw("</h2>");
        if (hidden) {
            h.raw("<p class=\"hidden-data\">Hidden by the dashboard's settings.</p>");
        } else {
            JsonTree.render(h, json);
        }
        h.raw("</section>");
    }

    private static void children(Html h, Page page, List<DashboardDao.Child> children, Instant now) {
        if (children.isEmpty()) {
            return;
        }
        h.raw("<section><h2>Tasks and children</h2><table class=\"children\"><thead><tr><th>Kind</th><th>Name</th><th>Id</th>")
                .raw("<th>Status</th><th>Attempts</th><th>Took</th><th>Error</th></tr></thead><tbody>");
        for (DashboardDao.Child c : children) {
            h.raw("<tr><td>").text(c.kind()).raw("</td><td>").text(c.name()).raw("</td><td>");
            if (c.kind().equals("workflow")) {
                h.link(page.executionHref(c.id()), c.id());
            } else {
                h.text(c.id());
            }
            h.raw("</td><td>");
            ExecutionsPage.badge(h, c.status());
            h.raw("</td><td>").text(c.attempt()).raw("</td><td>")
                    .text(Format.between(c.createdAt(), c.finishedAt() == null ? now : c.finishedAt())).raw("</td><td>")
                    .text(lastError(c.error())).raw("</td></tr>");
        }
        h.raw("</tbody></table></section>");
    }

    private static void log(Html h, Page page, DashboardDao.Execution e, List<DashboardDao.LogLine> log, boolean hidden, boolean ended) {
        h.raw("<section><h2>Log</h2>");
        if (hidden) {
            h.raw("<p class=\"hidden-data\">Hidden by the dashboard's settings.</p></section>");
            return;
        }
        if (log.isEmpty() && ended) {
            h.raw("<p class=\"empty\">It printed nothing.</p></section>");
            return;
        }
        int last = log.isEmpty() ? 0 : log.getLast().seq();
        h.raw("<pre id=\"log\" class=\"log\"").raw(ended ? "" : " data-stream=\"" + Html.escape(
                page.href("/execution/logs?id=" + Page.q(e.id()) + "&after=" + last)) + "\"").raw(">");
        for (DashboardDao.LogLine l : log) {
            h.raw("<span class=\"log-line\">").text(l.line()).raw("</span>\n");
        }
        h.raw("</pre>");
        if (log.size() == LOG_LIMIT) {
            h.raw("<p class=\"empty\">The first ").text(LOG_LIMIT).raw(" lines; `rondo logs ").text(e.id()).raw("` prints them all.</p>");
        }
        h.raw("</section>");
    }

    /**
     * An operator's action as a sentence: {@code operator.pause} with {@code {"by": "ann", "was": "waiting"}}
     * reads "pause by ann (was: waiting)".
     */
    static String operatorDetail(String kind, String detailJson) {
        String action = kind.substring("operator.".length());
        try {
            JsonNode detail = MAPPER.readTree(detailJson == null ? "{}" : detailJson);
            StringBuilder line = new StringBuilder(action);
            if (detail.hasNonNull("by")) {
                line.append(" by ").append(detail.get("by").asText());
            }
            List<String> facts = new ArrayList<>();
            detail.properties().forEach(f -> {
                if (!f.getKey().equals("by")) {
                    facts.add(f.getKey() + ": " + (f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()));
                }
            });
            if (!facts.isEmpty()) {
                line.append(" (").append(String.join(", ", facts)).append(")");
            }
            return line.toString();
        } catch (Exception e) {
            return action + " " + detailJson;
        }
    }

    private static void history(Html h, List<DashboardDao.Event> history) {
        if (history.isEmpty()) {
            return;
        }
        h.raw("<section><details><summary>History (").text(history.size()).raw(" events)</summary><table class=\"history\"><tbody>");
        for (DashboardDao.Event ev : history) {
            boolean operator = ev.kind().startsWith("operator.");
            h.raw("<tr").raw(operator ? " class=\"operator\"" : "").raw("><td>").text(ev.seq()).raw("</td><td>")
                    .text(Format.time(ev.at())).raw("</td><td>").text(ev.kind()).raw("</td><td>")
                    .text(operator ? operatorDetail(ev.kind(), ev.detail()) : ev.detail()).raw("</td></tr>");
        }
        h.raw("</tbody></table></details></section>");
    }
}

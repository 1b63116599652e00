package dev.rondo.dashboard.internal;

import dev.rondo.client.BulkAction;
import dev.rondo.client.BulkOptions;
import dev.rondo.client.BulkResult;
import dev.rondo.client.ListFilter;
import dev.rondo.client.RondoClient;
import dev.rondo.core.ExecutionStatus;
import java.util.Map;

/**
 * Bulk actions from the executions page (docs/operations.md, "Bulk actions"): the page's filter (status,
 * workflow, attributes, from) with an action offers a preview, {@code rondo bulk … --dry-run} (the count and a
 * sample), whose confirmed form applies it through {@link RondoClient#bulk}, with the rules and history of the
 * single action. A filter by queue or by an end time has no bulk form: the bulk filter does not take them.
 */
final class BulkPage {

    private final RondoClient client;

    BulkPage(RondoClient client) {
        this.client = client;
    }

    /** Whether the filter can be given to a bulk action, and narrows the executions (never "all of them"). */
    static boolean offered(ExecutionsPage.Filters f) {
        return f.queue() == null && f.to() == null && (f.status() != null || f.workflow() != null || f.attributes() != null);
    }

    /** The executions page's form that leads to the preview. */
    static void offer(Html h, Page page, ExecutionsPage.Filters f) {
        h.raw("<form method=\"get\" class=\"bulk\" action=\"").text(page.href("/bulk")).raw("\">");
        hidden(h, f);
        h.raw("<label>Act on every execution this filter selects <select name=\"action\">");
        for (BulkAction action : BulkAction.values()) {
            h.raw("<option value=\"").text(action.text()).raw("\">").text(action.text()).raw("</option>");
        }
        h.raw("</select></label><button type=\"submit\">Preview…</button></form>");
    }

    /** GET /bulk: what the action would do (changes nothing), and the confirmed form that does it. */
    String render(Exchange x, Page page) {
        ExecutionsPage.Filters f = ExecutionsPage.Filters.of(x);
        BulkAction action = action(x);
        BulkResult preview = client.bulk(action, options(f).withDryRun(true));
        Html h = new Html().raw("<h1>").text(action.text()).raw(": ").text(preview.matched())
                .raw(" execution(s)</h1><p>Selected by ").el("code", null, f.query(true)).raw(" (a preview: nothing has changed).");
        if (!preview.sample().isEmpty()) {
            h.raw(" For example:");
        }
        h.raw("</p><ul class=\"sample\">");
        for (String id : preview.sample()) {
            h.raw("<li>").link(page.executionHref(id), id).raw("</li>");
        }
        h.raw("</ul>");
        if (preview.matched() > 0 && !page.options().readOnly()) {
            h.raw("<form method=\"post\" class=\"bulk\" action=\"").text(page.href("/executions/bulk")).raw("\">");
            page.csrfField(h);
            hidden(h, f);
            h.raw("<input type=\"hidden\" name=\"action\" value=\"").text(action.text()).raw("\">")
                    .raw("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> I want to ")
                    .text(action.text()).raw(" them</label><button type=\"submit\" class=\"danger\" data-confirm=\"")
                    .text(action.text()).raw(" ").text(preview.matched()).raw(" execution(s)?\">Apply to ")
                    .text(preview.matched()).raw(" execution(s)</button></form>");
        }
        return page.document("Bulk " + action.text(), "executions", h.toString());
    }

    /** POST /executions/bulk: applies the action, then shows the executions with what it did. */
    void apply(Exchange x) {
        ExecutionsPage.Filters f = ExecutionsPage.Filters.of(x);
        BulkAction action = action(x);
        if (!"yes".equals(x.param("confirm"))) {
            throw new Exchange.BadRequest("A bulk action needs its confirmation: tick the box beside the button.");
        }
        BulkResult done = client.bulk(action, options(f));
        String q = f.query(true);
        x.redirect("/executions?" + q + (q.isEmpty() ? "" : "&") + "bulk=" + Page.q(action.text()) + "&changed=" + done.changed()
                + "&refused=" + done.refused());
    }

    private static BulkAction action(Exchange x) {
        String text = x.param("action");
        if (text == null) {
            throw new Exchange.BadRequest("Which action? Give action=cancel, pause, resume, terminate or retry.");
        }
        return BulkAction.of(text); // an unknown one is a 400 that lists them
    }

    private static BulkOptions options(ExecutionsPage.Filters f) {
        if (!offered(f)) {
            throw new Exchange.BadRequest("A bulk action takes a status, a workflow, attributes and a start time (from), "
                    + "at least one of the first three, and no queue or end time.");
        }
        ListFilter filter = ListFilter.ALL;
        if (f.status() != null) {
            filter = filter.withStatus(ExecutionStatus.of(f.status()));
        }
        if (f.workflow() != null) {
            filter = filter.withWorkflow(f.workflow());
        }
        for (Map.Entry<String, String> pair : ExecutionsPage.Filters.attributePairs(f.whereText()).entrySet()) {
            filter = filter.withAttribute(pair.getKey(), pair.getValue());
        }
        BulkOptions options = BulkOptions.of(filter);
        return f.from() == null ? options : options.withSince(f.from());
    }

    private static void hidden(Html h, ExecutionsPage.Filters f) {
        field(h, "status", f.status());
        field(h, "workflow", f.workflow());
        field(h, "from", f.fromText());
        field(h, "where", f.attributes() == null ? null : f.whereText());
    }

    private static void field(Html h, String name, String value) {
        if (value != null) {
            h.raw("<input type=\"hidden\" name=\"").text(name).raw("\" value=\"").text(value).raw("\">");
        }
    }
}

package dev.rondo.dashboard.internal;

import dev.rondo.store.DashboardDao;
import dev.rondo.core.Attributes;
import dev.rondo.core.ExecutionStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The executions page: workflow executions newest first, filtered by status, workflow, queue and creation
 * time, searched by id, paged by keyset (the cursor is the last row's creation time and id), with counts per
 * status that the page's script refreshes every few seconds.
 */
final class ExecutionsPage {

    static final int PAGE_SIZE = 50;
    /** Counts stop here: "1000+" (see status_counts.sql). */
    static final int COUNT_CAP = 1_001;
    /**
     * The counts' budget of server time. Under a filter on a column the status index lacks (workflow, queue), a
     * count reads rows of the table until it has {@link #COUNT_CAP} matches; a rare match could read many, so
     * past this the page shows no figures rather than waiting.
     */
    static final int COUNT_MILLIS = 300;
    static final List<String> STATUSES = List.of("queued", "running", "waiting", "paused", "completed", "failed", "cancelled",
            "terminated");

    private final Reads reads;

    ExecutionsPage(Reads reads) {
        this.reads = reads;
    }

    /** The filters as given on the query string, checked. */
    record Filters(String status, String workflow, String queue, Instant from, Instant to, String fromText, String toText,
                   String whereText, String attributes) {

        static Filters of(Exchange x) {
            String status = x.param("status");
            if (status != null) {
                ExecutionStatus.of(status); // an unknown status is a 400 with the list of known ones
            }
            String from = x.param("from");
            String to = x.param("to");
            String where = x.param("where");
            return new Filters(status, x.param("workflow"), x.param("queue"), time(from, "from"), time(to, "to"), from, to,
                    where, attributes(where));
        }

        /**
         * {@code customer=c-42, region=eu} as the JSON object the attribute index serves ({@code @>}), checked
         * by the rules of attributes; null for none. Conditions are separated by commas, so a value with a
         * comma cannot be searched for here (the command line's {@code --where} can).
         */
        private static String attributes(String where) {
            Map<String, String> pairs = attributePairs(where);
            return pairs.isEmpty() ? null : Attributes.toJson(pairs);
        }

        /** {@code customer=c-42, region=eu} as its pairs, in order, checked; empty for none. */
        static Map<String, String> attributePairs(String where) {
            Map<String, String> pairs = new LinkedHashMap<>();
            if (where == null || where.isBlank()) {
                return pairs;
            }
            for (String condition : where.split(",")) {
                String c = condition.strip();
                int eq = c.indexOf('=');
                if (eq <= 0) {
                    throw new Exchange.BadRequest("An attribute condition is key=value, such as customer=c-42; got '" + c + "'.");
                }
                pairs.put(c.substring(0, eq).strip(), c.substring(eq + 1).strip());
            }
            String problem = Attributes.problem(pairs);
            if (problem != null) {
                throw new Exchange.BadRequest(problem);
            }
            return pairs;
        }

        /** The query string that keeps these filters, without status when {@code withStatus} is false. */
        String query(boolean withStatus) {
            StringBuilder q = new StringBuilder();
            add(q, "status", withStatus ? status : null);
            add(q, "workflow", workflow);
            add(q, "queue", queue);
            add(q, "from", fromText);
            add(q, "to", toText);
            add(q, "where", attributes == null ? null : whereText);
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            if (value != null) {
                q.append(q.isEmpty() ? "" : "&").append(name).append('=').append(Page.q(value));
            }
        }

        /** {@code 2026-12-07T05:00} (a browser's datetime-local, read as UTC) or an ISO instant. */
        private static Instant time(String text, String name) {
            if (text == null) {
                return null;
            }
            try {
                return text.endsWith("Z") ? Instant.parse(text) : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new Exchange.BadRequest("The time '" + text + "' given as " + name
                        + " is not a date and time such as 2026-12-07T05:00 (UTC) or 2026-12-07T05:00:00Z.");
            }
        }
    }

    /** The page, or a redirect to the execution a search names. */
    void serve(Exchange x, Page page) {
        String search = x.param("id");
        if (search != null && reads.read(dao -> dao.exists(search))) {
            x.redirect("/execution?id=" + Page.q(search));
            return;
        }
        x.html(200, render(x, page, search));
    }

    private String render(Exchange x, Page page, String search) {
        Filters f = Filters.of(x);
        Instant afterAt = null;
        String afterId = null;
        String after = x.param("after");
        if (after != null) {
            int cut = after.indexOf('~');
            try {
                afterAt = Instant.parse(after.substring(0, Math.max(cut, 0)));
                afterId = after.substring(cut + 1);
            } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new Exchange.BadRequest("The page cursor '" + after + "' is not one this page made; start from the first page.");
            }
        }
        Instant at = afterAt;
        String id = afterId;
        record Data(List<DashboardDao.ExecutionRow> rows, List<DashboardDao.StatusCount> counts) {}
        // Counts under a workflow or queue filter read table rows (the status index lacks both columns): the
        // page leaves them to its script, which asks /executions/counts at once, so the listing never waits.
        boolean deferCounts = f.workflow != null || f.queue != null || f.attributes != null;
        Data data = new Data(reads.read(dao -> dao.executions(f.status, f.workflow, f.queue, f.from, f.to, f.attributes, at, id, PAGE_SIZE)),
                deferCounts ? List.of() : statusCounts(f));

        Html h = new Html();
        h.raw("<h1>Executions</h1>");
        if (search != null) {
            h.raw("<p class=\"notice\">No workflow execution has the id ").el("code", null, search).raw(".</p>");
        }
        h.raw("<div id=\"counts\" class=\"counts\" data-refresh=\"").text(page.href("/executions/counts?" + f.query(true)))
                .raw("\"").raw(deferCounts ? " data-deferred" : "").raw(">");
        counts(h, page, f, data.counts);
        h.raw("</div>");
        filterForm(h, page, f);
        if (x.param("bulk") != null) {
            h.raw("<p class=\"notice\" id=\"bulk-done\">").text(x.param("bulk")).raw(": ").text(String.valueOf(x.param("changed")))
                    .raw(" changed, ").text(String.valueOf(x.param("refused"))).raw(" refused.</p>");
        }
        if (!page.options().readOnly() && BulkPage.offered(f)) {
            BulkPage.offer(h, page, f);
        }
        table(h, page, data.rows);
        h.raw("<nav class=\"pager\">");
        if (after != null) {
            h.link(page.href("/executions?" + f.query(true)), "« Newest");
        }
        if (data.rows.size() == PAGE_SIZE) {
            DashboardDao.ExecutionRow last = data.rows.getLast();
            String cursor = last.createdAt() + "~" + last.id();
            String q = f.query(true);
            h.raw(" ").link(page.href("/executions?" + q + (q.isEmpty() ? "" : "&") + "after=" + Page.q(cursor)), "Older »");
        }
        h.raw("</nav>");
        return page.document("Executions", "executions", h.toString());
    }

    /** The counts alone, for the page's live refresh. */
    String counts(Exchange x) {
        Filters f = Filters.of(x);
        List<DashboardDao.StatusCount> counts = statusCounts(f);
        Html h = new Html();
        counts(h, new Page(x.base, "", null), f, counts);
        return h.toString();
    }

    /** The counts per status, or none when they took longer than {@link #COUNT_MILLIS}. */
    private List<DashboardDao.StatusCount> statusCounts(Filters f) {
        return reads.readWithin(COUNT_MILLIS, dao -> dao.statusCounts(f.workflow, f.queue, f.from, f.to, f.attributes, COUNT_CAP), List.of());
    }

    private static void counts(Html h, Page page, Filters f, List<DashboardDao.StatusCount> counts) {
        String others = f.query(false);
        h.raw("<a class=\"count").raw(f.status == null ? " current" : "").raw("\" href=\"")
                .text(page.href("/executions" + (others.isEmpty() ? "" : "?" + others))).raw("\">all</a>");
        for (DashboardDao.StatusCount c : counts) {
            h.raw("<a class=\"count status-").text(c.status()).raw(c.status().equals(f.status) ? " current" : "")
                    .raw("\" data-status=\"").text(c.status()).raw("\" href=\"")
                    .text(page.href("/executions?status=" + c.status() + (others.isEmpty() ? "" : "&" + others))).raw("\">")
                    .text(c.status()).raw(" <b>").text(Format.count(c.count(), COUNT_CAP)).raw("</b></a>");
        }
        if (counts.isEmpty()) {
            for (String status : STATUSES) {
                h.raw("<a class=\"count status-").text(status).raw(status.equals(f.status) ? " current" : "")
                        .raw("\" data-status=\"").text(status).raw("\" title=\"not counted: too slow under this filter\" href=\"")
                        .text(page.href("/executions?status=" + status + (others.isEmpty() ? "" : "&" + others))).raw("\">")
                        .text(status).raw("</a>");
            }
        }
    }

    private static void filterForm(Html h, Page page, Filters f) {
        h.raw("<form class=\"filters\" method=\"get\" action=\"").text(page.href("/executions")).raw("\">");
        h.raw("<label>Status <select name=\"status\"><option value=\"\">any</option>");
        for (String s : STATUSES) {
            h.raw("<option").raw(s.equals(f.status) ? " selected" : "").raw(">").text(s).raw("</option>");
        }
        h.raw("</select></label>");
        input(h, "Workflow", "workflow", "text", f.workflow);
        input(h, "Queue", "queue", "text", f.queue);
        input(h, "Created from (UTC)", "from", "datetime-local", f.fromText);
        input(h, "to", "to", "datetime-local", f.toText);
        input(h, "Attributes", "where", "text", f.whereText);
        h.raw("<button type=\"submit\">Filter</button></form>");
        h.raw("<form class=\"search\" method=\"get\" action=\"").text(page.href("/executions")).raw("\">");
        h.raw("<input type=\"search\" name=\"id\" placeholder=\"Go to an execution id\" aria-label=\"Execution id\">")
                .raw("<button type=\"submit\">Go</button></form>");
    }

    private static void input(Html h, String label, String name, String type, String value) {
        h.raw("<label>").text(label).raw(" <input type=\"").raw(type).raw("\" name=\"").raw(name).raw("\" value=\"")
                .text(value).raw("\"></label>");
    }

    private static void table(Html h, Page page, List<DashboardDao.ExecutionRow> rows) {
        if (rows.isEmpty()) {
            h.raw("<p class=\"empty\">No executions match.</p>");
            return;
        }
        h.raw("<table class=\"executions\"><thead><tr><th>Id</th><th>Workflow</th><th>Status</th><th>Queue</th>")
                .raw("<th>Created (UTC)</th><th>Took</th><th>Parent</th></tr></thead><tbody>");
        for (DashboardDao.ExecutionRow r : rows) {
            h.raw("<tr><td>").link(page.executionHref(r.id()), r.id()).raw("</td><td>")
                    .link(page.href("/executions?workflow=" + Page.q(r.workflow())), r.workflow()).raw("</td><td>");
            badge(h, r.status());
            h.raw("</td><td>").link(page.href("/executions?queue=" + Page.q(r.queue())), r.queue()).raw("</td><td>")
                    .text(Format.time(r.createdAt())).raw("</td><td>").text(Format.between(r.createdAt(), r.finishedAt()))
                    .raw("</td><td>");
            if (r.parentId() != null) {
                h.link(page.executionHref(r.parentId()), r.parentId());
            }
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }

    static void badge(Html h, String status) {
        h.raw("<span class=\"badge status-").text(status).raw("\">").text(status).raw("</span>");
    }
}

package dev.rondo.dashboard.internal;

import dev.rondo.client.RondoClient;
import dev.rondo.client.UpgradeOptions;
import dev.rondo.client.UpgradeReport;
import dev.rondo.store.DashboardDao;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workflows: each name's deployed versions (hash, deployed at, executions by status) and each version's source;
 * and moving the executions of older versions onto the current one (docs/operations.md): a preview (a dry run,
 * which changes nothing) with a confirmed button that does it.
 */
final class WorkflowsPage {

    private final Reads reads;
    /** Upgrades go through the client, with the checks and the history of {@code rondo upgrade}. */
    private final RondoClient client;

    WorkflowsPage(Reads reads, RondoClient client) {
        this.reads = reads;
        this.client = client;
    }

    String render(Page page) {
        record Data(List<DashboardDao.Version> versions, List<DashboardDao.VersionCount> counts) {}
        Data d = reads.read(dao -> new Data(dao.versions(), dao.versionCounts()));
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (DashboardDao.VersionCount c : d.counts) {
            counts.computeIfAbsent(c.name() + "\n" + c.hash(), k -> new HashMap<>()).put(c.status(), c.count());
        }
        Html h = new Html().raw("<h1>Workflows</h1>");
        if (d.versions.isEmpty()) {
            h.raw("<p class=\"empty\">Nothing is deployed yet: <code>rondo deploy flows/</code>.</p>");
        } else {
            h.raw("<table class=\"workflows\"><thead><tr><th>Workflow</th><th>Version</th><th>Deployed (UTC)</th>");
            for (String s : ExecutionsPage.STATUSES) {
                h.raw("<th>").text(s).raw("</th>");
            }
            h.raw("</tr></thead><tbody>");
            String previous = null;
            for (DashboardDao.Version v : d.versions) {
                Map<String, Long> byStatus = counts.getOrDefault(v.name() + "\n" + v.hash(), Map.of());
                h.raw("<tr").raw(v.name().equals(previous) ? " class=\"older\"" : "").raw("><td>");
                if (!v.name().equals(previous)) {
                    h.link(page.href("/executions?workflow=" + Page.q(v.name())), v.name());
                }
                h.raw("</td><td>").link(page.href("/workflow?name=" + Page.q(v.name()) + "&hash=" + Page.q(v.hash())), v.hash().substring(0, 12));
                if (Boolean.TRUE.equals(v.head())) {
                    h.raw(" <span class=\"mode\">current</span>");
                } else if (byStatus.getOrDefault("waiting", 0L) + byStatus.getOrDefault("paused", 0L)
                        + byStatus.getOrDefault("failed", 0L) > 0) {
                    h.raw(" ").link(page.href("/upgrade?workflow=" + Page.q(v.name())), "upgrade…");
                }
                h.raw("</td><td>").text(Format.time(v.deployedAt())).raw("</td>");
                for (String s : ExecutionsPage.STATUSES) {
                    long n = byStatus.getOrDefault(s, 0L);
                    h.raw("<td class=\"num\">");
                    if (n > 0) {
                        h.raw("<span class=\"badge status-").text(s).raw("\">").text(n).raw("</span>");
                    }
                    h.raw("</td>");
                }
                h.raw("</tr>");
                previous = v.name();
            }
            h.raw("</tbody></table>");
        }
        return page.document("Workflows", "workflows", h.toString());
    }

    String renderVersion(Exchange x, Page page) {
        String name = x.param("name");
        String hash = x.param("hash");
        if (name == null || hash == null) {
            throw new Exchange.BadRequest("Which version? Give ?name=…&hash=…");
        }
        DashboardDao.Definition d = reads.read(dao -> dao.definition(name, hash))
                .orElseThrow(() -> new Exchange.NotFound("Workflow " + name + " has no version " + hash + "."));
        Html h = new Html().raw("<h1>").text(d.name()).raw(" <span class=\"hash\">").text(d.hash()).raw("</span></h1>")
                .raw("<p>Deployed ").text(Format.time(d.deployedAt())).raw(" (UTC). ")
                .link(page.href("/executions?workflow=" + Page.q(d.name())), "Its executions").raw("</p>");
        SourceView.render(h, d.source(), 0, "", null);
        return page.document(d.name(), "workflows", h.toString());
    }

    /**
     * What {@code rondo upgrade NAME --dry-run} says, execution by execution, with the button that does it;
     * after it was done ({@code moved}/{@code refused} given), what it did first.
     */
    String renderUpgrade(Exchange x, Page page) {
        String name = x.param("workflow");
        if (name == null) {
            throw new Exchange.BadRequest("Which workflow? Give ?workflow=…");
        }
        UpgradeReport report = client.upgrade(name, UpgradeOptions.DEFAULTS.withDryRun(true));
        Html h = new Html().raw("<h1>Upgrade ").text(name).raw("</h1>");
        if (x.param("moved") != null) {
            h.raw("<p class=\"note\" id=\"upgraded\">Moved ").text(x.param("moved")).raw(" execution(s); refused ")
                    .text(String.valueOf(x.param("refused"))).raw(". What is left on older versions is below.</p>");
        }
        h.raw("<p>Executions of older versions that wait, are paused or have failed, and whether each can move onto the "
                + "current version <span class=\"hash\">").text(report.toHash().substring(0, 12))
                .raw("</span> (a preview: nothing has changed). A moved execution goes on with the new code from its next "
                        + "step; a failed one stays failed until it is retried.</p>");
        if (report.entries().isEmpty()) {
            h.raw("<p class=\"empty\">No execution of an older version waits, is paused or has failed.</p>");
        } else {
            h.raw("<table class=\"upgrade\"><thead><tr><th>Execution</th><th>Version</th><th>Status</th><th>Outcome</th>"
                    + "<th>Stands at</th><th>Would stand at</th><th>Why not</th></tr></thead><tbody>");
            for (UpgradeReport.Entry e : report.entries()) {
                h.raw("<tr><td>").link(page.executionHref(e.executionId()), e.executionId()).raw("</td><td>")
                        .text(e.fromHash().substring(0, Math.min(12, e.fromHash().length()))).raw("</td><td>");
                ExecutionsPage.badge(h, e.status());
                h.raw("</td><td>").text(e.outcome() == UpgradeReport.Outcome.MOVED ? "can move" : e.outcome().name().toLowerCase())
                        .raw("</td><td>").text(String.valueOf(e.from())).raw("</td><td>").text(e.to() == null ? "" : e.to())
                        .raw("</td><td>").text(e.reason() == null ? "" : e.reason()).raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        if (report.moved() > 0 && !page.options().readOnly()) {
            h.raw("<form method=\"post\" class=\"upgrade\" action=\"").text(page.href("/workflows/upgrade")).raw("\">");
            page.csrfField(h);
            h.raw("<input type=\"hidden\" name=\"workflow\" value=\"").text(name).raw("\">")
                    .raw("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> I want to move them</label>")
                    .raw("<button type=\"submit\" class=\"danger\" data-confirm=\"Move ").text(report.moved())
                    .raw(" execution(s) of ").text(name).raw(" onto the current version?\">Move ").text(report.moved())
                    .raw(" execution(s)</button></form>");
        }
        return page.document("Upgrade " + name, "workflows", h.toString());
    }
}

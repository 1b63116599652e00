package dev.rondo.dashboard.internal;

import dev.rondo.store.DashboardDao;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Workflows: each name's deployed versions (hash, deployed at, executions by status) and each version's source. */
final class WorkflowsPage {

    private final Reads reads;

    WorkflowsPage(Reads reads) {
        this.reads = reads;
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
}

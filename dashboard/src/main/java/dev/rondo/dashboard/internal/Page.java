package dev.rondo.dashboard.internal;

import dev.rondo.dashboard.DashboardOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What every page needs to render: where the dashboard is mounted, the CSRF token for its forms, the options. */
record Page(String base, String csrf, DashboardOptions options) {

    String href(String path) {
        return base + path;
    }

    static String q(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    String executionHref(String id) {
        return href("/execution?id=" + q(id));
    }

    /** The hidden CSRF field every action form carries. */
    void csrfField(Html h) {
        h.raw("<input type=\"hidden\" name=\"csrf\" value=\"").text(csrf).raw("\">");
    }

    /** The whole document around a page's body. */
    String document(String title, String section, String body) {
        Html h = new Html();
        h.raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text(title).raw(" · Rondo</title>")
                .raw("<link rel=\"stylesheet\" href=\"").text(href("/assets/dashboard.css")).raw("\">")
                .raw("<script defer src=\"").text(href("/assets/dashboard.js")).raw("\"></script>")
                .raw("</head><body data-base=\"").text(base).raw("\"><header><a class=\"brand\" href=\"")
                .text(href("/executions")).raw("\">Rondo</a><nav>");
        nav(h, "executions", "/executions", "Executions", section);
        nav(h, "workflows", "/workflows", "Workflows", section);
        nav(h, "queues", "/queues", "Queues and workers", section);
        nav(h, "schedules", "/schedules", "Schedules", section);
        h.raw("</nav><span class=\"modes\">");
        if (options.readOnly()) {
            h.el("span", "mode", "read-only");
        }
        if (options.hiddenData()) {
            h.el("span", "mode", "data hidden");
        }
        h.raw("</span></header><main>").raw(body).raw("</main></body></html>");
        return h.toString();
    }

    private void nav(Html h, String key, String path, String label, String section) {
        h.raw("<a href=\"").text(href(path)).raw("\"").raw(key.equals(section) ? " class=\"current\"" : "").raw(">")
                .text(label).raw("</a>");
    }
}

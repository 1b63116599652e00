package dev.rondo.dashboard.internal;

import dev.rondo.store.DashboardDao;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An execution's life as an SVG picture along time: the execution itself, its slices (each commit of its
 * history, one tick per transaction), each task and child workflow as a bar from creation to end labelled with
 * its attempts, its timers at their due times (a timer beyond the picture's end points right, with its time),
 * and its signals (filled once consumed). Hovering shows each mark's details. Drawn on the server; colours by
 * class, from the stylesheet.
 */
final class Timeline {

    static final int MAX_CHILD_ROWS = 40;
    private static final int WIDTH = 960;
    private static final int LABEL = 190;
    private static final int ROW = 22;

    private final Instant start;
    private final Instant end;
    private final Html h = new Html();
    private int rows;

    private Timeline(Instant start, Instant end) {
        this.start = start;
        this.end = end.isAfter(start) ? end : start.plusMillis(1);
    }

    static String render(DashboardDao.Execution e, List<DashboardDao.Child> children, List<DashboardDao.Event> history,
                         List<DashboardDao.Timer> timers, List<DashboardDao.Signal> signals, Instant now) {
        Instant end = e.finishedAt() != null ? e.finishedAt() : now;
        for (DashboardDao.Child c : children) {
            end = later(end, c.finishedAt());
        }
        for (DashboardDao.Event ev : history) {
            end = later(end, ev.at());
        }
        for (DashboardDao.Signal s : signals) {
            end = later(end, s.sentAt());
        }
        Timeline t = new Timeline(e.createdAt(), end);
        int childRows = Math.min(children.size(), MAX_CHILD_ROWS);
        int total = 3 + childRows + (timers.isEmpty() ? 0 : 1) + (signals.isEmpty() ? 0 : 1);
        t.h.raw("<svg class=\"timeline\" role=\"img\" aria-label=\"Timeline\" viewBox=\"0 0 ").text(WIDTH).raw(" ")
                .text((total + 1) * ROW + 10).raw("\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">");
        t.axis(total);
        t.bar("execution", e.createdAt(), e.finishedAt() == null ? now : e.finishedAt(), "status-" + e.status(),
                e.id() + ": " + e.status() + " (" + Format.between(e.createdAt(), e.finishedAt() == null ? now : e.finishedAt()) + ")");
        t.slices(history);
        for (int i = 0; i < childRows; i++) {
            DashboardDao.Child c = children.get(i);
            String label = c.kind() + " " + c.name() + (c.attempt() > 1 || c.kind().equals("task") ? " ×" + Math.max(1, c.attempt()) : "");
            t.bar(label, c.createdAt(), c.finishedAt() == null ? now : c.finishedAt(), "status-" + c.status(),
                    c.kind() + " " + c.name() + " (" + c.id() + "): " + c.status() + ", " + c.attempt() + " attempt(s), "
                            + Format.between(c.createdAt(), c.finishedAt() == null ? now : c.finishedAt())
                            + (c.nextRunAt() != null && c.finishedAt() == null ? "; next attempt at " + Format.time(c.nextRunAt()) : ""));
        }
        if (!timers.isEmpty()) {
            t.timers(timers);
        }
        if (!signals.isEmpty()) {
            t.signals(signals);
        }
        t.h.raw("</svg>");
        if (children.size() > MAX_CHILD_ROWS) {
            t.h.raw("<p class=\"empty\">").text(children.size() - MAX_CHILD_ROWS).raw(" more tasks and children are in the table below.</p>");
        }
        return t.h.toString();
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) && b.getEpochSecond() < 253_402_300_799L ? b : a;
    }

    private double x(Instant at) {
        double span = Duration.between(start, end).toNanos();
        double off = Duration.between(start, at).toNanos();
        return LABEL + Math.max(0, Math.min(1, off / span)) * (WIDTH - LABEL - 10);
    }

    private int y() {
        return ROW * rows + 6;
    }

    private void axis(int total) {
        h.raw("<g class=\"axis\"><text x=\"").text(LABEL).raw("\" y=\"12\">").text(Format.time(start)).raw("</text>")
                .raw("<text x=\"").text(WIDTH - 10).raw("\" y=\"12\" text-anchor=\"end\">").text(Format.time(end))
                .raw(" (").text(Format.between(start, end)).raw(")</text>")
                .raw("<line x1=\"").text(LABEL).raw("\" y1=\"16\" x2=\"").text(LABEL).raw("\" y2=\"").text((total + 1) * ROW + 6)
                .raw("\"/></g>");
        rows = 1;
    }

    private void label(String text) {
        h.raw("<text class=\"label\" x=\"4\" y=\"").text(y() + 14).raw("\">")
                .text(text.length() > 28 ? text.substring(0, 27) + "…" : text).raw("</text>");
    }

    private void bar(String label, Instant from, Instant to, String cls, String title) {
        label(label);
        double x1 = x(from);
        double x2 = Math.max(x1 + 2, x(to));
        h.raw("<rect class=\"bar ").text(cls).raw("\" x=\"").text(round(x1)).raw("\" y=\"").text(y() + 3)
                .raw("\" width=\"").text(round(x2 - x1)).raw("\" height=\"").text(ROW - 8).raw("\" rx=\"3\"><title>")
                .text(title).raw("</title></rect>");
        rows++;
    }

    private void slices(List<DashboardDao.Event> history) {
        label("slices");
        Map<Instant, List<String>> commits = new LinkedHashMap<>();
        for (DashboardDao.Event ev : history) {
            commits.computeIfAbsent(ev.at(), k -> new ArrayList<>()).add(ev.kind() + (ev.detail() == null ? "" : " " + ev.detail()));
        }
        for (Map.Entry<Instant, List<String>> c : commits.entrySet()) {
            double x = x(c.getKey());
            h.raw("<rect class=\"slice\" x=\"").text(round(x - 2)).raw("\" y=\"").text(y() + 2).raw("\" width=\"4\" height=\"")
                    .text(ROW - 6).raw("\"><title>").text(Format.time(c.getKey()) + ": " + String.join(", ", c.getValue()))
                    .raw("</title></rect>");
        }
        rows++;
    }

    private void timers(List<DashboardDao.Timer> timers) {
        label("timers");
        for (DashboardDao.Timer t : timers) {
            boolean beyond = t.fireAt().isAfter(end);
            double x = beyond ? WIDTH - 14 : x(t.fireAt());
            int cy = y() + ROW / 2;
            h.raw("<path class=\"timer").raw(beyond ? " beyond" : "").raw("\" d=\"M").text(round(x)).raw(" ").text(cy - 7)
                    .raw(" l7 7 l-7 7 l-7 -7 z\"><title>timer #").text(t.promise()).raw(" due ")
                    .text(Format.time(t.fireAt())).raw("</title></path>");
            if (beyond) {
                h.raw("<text class=\"due\" x=\"").text(round(x - 10)).raw("\" y=\"").text(cy + 4).raw("\" text-anchor=\"end\">due ")
                        .text(Format.time(t.fireAt())).raw(" →</text>");
            }
        }
        rows++;
    }

    private void signals(List<DashboardDao.Signal> signals) {
        label("signals");
        for (DashboardDao.Signal s : signals) {
            h.raw("<circle class=\"signal").raw(s.consumedAt() == null ? " buffered" : "").raw("\" cx=\"").text(round(x(s.sentAt())))
                    .raw("\" cy=\"").text(y() + ROW / 2).raw("\" r=\"5\"><title>signal ").text(s.name()).raw(" sent ")
                    .text(Format.time(s.sentAt())).text(s.consumedAt() == null ? ", buffered" : ", consumed " + Format.time(s.consumedAt()))
                    .raw("</title></circle>");
        }
        rows++;
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}

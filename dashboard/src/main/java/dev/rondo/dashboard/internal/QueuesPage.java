package dev.rondo.dashboard.internal;

import dev.rondo.client.PausedQueue;
import dev.rondo.store.DashboardDao;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Queues and workers: per queue the items waiting now and the age of the oldest, items due later, items held,
 * executions finished in the last minute and hour, the workers of the registry that serve it, and a warning
 * for a queue with work that no live worker serves, whether it is paused (with a button to pause or resume it);
 * then every registered worker.
 */
final class QueuesPage {

    /** A worker not seen for this long is not counted as serving (the registry's heartbeat is much shorter). */
    static final Duration LIVE = Duration.ofMinutes(2);

    private final Reads reads;
    private final Supplier<List<PausedQueue>> paused;

    QueuesPage(Reads reads, Supplier<List<PausedQueue>> paused) {
        this.reads = reads;
        this.paused = paused;
    }

    String render(Page page) {
        record Data(List<DashboardDao.Queue> queues, List<DashboardDao.Worker> workers, List<DashboardDao.Throughput> throughput,
                    Instant now) {}
        Data d = reads.read(dao -> new Data(dao.queues(), dao.workers(), dao.throughput(), Instant.now()));
        Map<String, long[]> perMinute = perMinute(d.throughput);
        Map<String, PausedQueue> pausedQueues = new TreeMap<>();
        paused.get().forEach(p -> pausedQueues.put(p.queue(), p));
        List<DashboardDao.Queue> queues = new java.util.ArrayList<>(d.queues);
        // a paused queue with no work and no worker is still shown, so that it can be resumed
        pausedQueues.keySet().stream().filter(q -> queues.stream().noneMatch(r -> r.queue().equals(q)))
                .forEach(q -> queues.add(new DashboardDao.Queue(q, 0, null, 0, 0, 0, 0)));
        Html h = new Html().raw("<h1>Queues and workers</h1>");
        if (queues.isEmpty()) {
            h.raw("<p class=\"empty\">No queue has work, and no worker is registered.</p>");
        } else {
            h.raw("<table class=\"queues\"><thead><tr><th>Queue</th><th>Waiting</th><th>Oldest waiting</th><th>Due later</th>")
                    .raw("<th>Running</th><th>Done, last minute</th><th>Done, last hour</th><th>Done per minute, last hour</th>")
                    .raw("<th>Workers</th><th>Paused</th></tr></thead><tbody>");
            for (DashboardDao.Queue q : queues) {
                List<DashboardDao.Worker> serving = d.workers.stream()
                        .filter(w -> w.queues().contains(q.queue()) && w.seenSecondsAgo() < LIVE.toSeconds()).toList();
                boolean unserved = serving.isEmpty() && (q.waiting() > 0 || q.scheduled() > 0);
                h.raw("<tr data-queue=\"").text(q.queue()).raw("\"").raw(unserved ? " class=\"unserved\"" : "").raw("><td>")
                        .link(page.href("/executions?queue=" + Page.q(q.queue())), q.queue()).raw("</td><td class=\"num\">")
                        .text(q.waiting()).raw("</td><td>")
                        .text(q.oldestDue() == null ? "" : Format.between(q.oldestDue(), d.now)).raw("</td><td class=\"num\">")
                        .text(q.scheduled()).raw("</td><td class=\"num\">").text(q.leased()).raw("</td><td class=\"num\">")
                        .text(q.lastMinute()).raw("</td><td class=\"num\">").text(q.lastHour()).raw("</td><td>");
                chart(h, q.queue(), perMinute.getOrDefault(q.queue(), new long[MINUTES]));
                h.raw("</td><td>");
                if (unserved) {
                    h.raw("<span class=\"warning\">⚠ no worker serves this queue: start one with <code>rondo worker --queue ")
                            .text(q.queue()).raw("</code></span>");
                } else {
                    h.text(String.join(", ", serving.stream().map(w -> w.host() + " (" + w.inFlight() + "/" + w.concurrency() + ")").toList()));
                }
                h.raw("</td><td>");
                pauseCell(h, page, q.queue(), pausedQueues.get(q.queue()));
                h.raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        h.raw("<h2>Workers</h2>");
        if (d.workers.isEmpty()) {
            h.raw("<p class=\"empty\">No worker is registered.</p>");
        } else {
            h.raw("<table class=\"workers\"><thead><tr><th>Worker</th><th>Host</th><th>Pid</th><th>Queues</th>")
                    .raw("<th>Concurrency</th><th>In flight</th><th>Started (UTC)</th><th>Last seen</th></tr></thead><tbody>");
            for (DashboardDao.Worker w : d.workers) {
                boolean stale = w.seenSecondsAgo() >= LIVE.toSeconds();
                h.raw("<tr").raw(stale ? " class=\"stale\"" : "").raw("><td>").text(w.id()).raw("</td><td>").text(w.host())
                        .raw("</td><td>").text(w.pid()).raw("</td><td>").text(String.join(", ", w.queues()))
                        .raw("</td><td class=\"num\">").text(w.concurrency()).raw("</td><td class=\"num\">").text(w.inFlight())
                        .raw("</td><td>").text(Format.time(w.startedAt())).raw("</td><td>")
                        .text(Format.duration(Duration.ofMillis((long) (w.seenSecondsAgo() * 1000))) + " ago").raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        return page.document("Queues and workers", "queues", h.toString());
    }

    /** Whether the queue is paused (by whom, since when), with the form that pauses or resumes it. */
    private static void pauseCell(Html h, Page page, String queue, PausedQueue paused) {
        if (paused != null) {
            h.raw("<span class=\"badge status-paused\">paused</span> by ").text(paused.pausedBy()).raw(" since ")
                    .text(Format.time(paused.pausedAt()));
        }
        if (page.options().readOnly()) {
            return;
        }
        h.raw("<form method=\"post\" class=\"").raw(paused != null ? "resume-queue" : "pause-queue").raw("\" action=\"")
                .text(page.href(paused != null ? "/queues/resume" : "/queues/pause")).raw("\">");
        page.csrfField(h);
        h.raw("<input type=\"hidden\" name=\"queue\" value=\"").text(queue).raw("\">");
        if (paused != null) {
            h.raw("<button type=\"submit\">Resume queue</button>");
        } else {
            h.raw("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> pause</label>")
                    .raw("<button type=\"submit\" data-confirm=\"Pause queue ").text(queue)
                    .raw("? Workers claim nothing of it until it is resumed.\">Pause queue</button>");
        }
        h.raw("</form>");
    }

    /** The minutes of the throughput chart, the newest last. */
    static final int MINUTES = 60;

    /** Finished executions per queue and minute, index 0 the oldest minute and {@code MINUTES - 1} the current one. */
    static Map<String, long[]> perMinute(List<DashboardDao.Throughput> rows) {
        Map<String, long[]> out = new HashMap<>();
        for (DashboardDao.Throughput t : rows) {
            if (t.minutesAgo() >= 0 && t.minutesAgo() < MINUTES) {
                out.computeIfAbsent(t.queue(), q -> new long[MINUTES])[MINUTES - 1 - t.minutesAgo()] += t.finished();
            }
        }
        return out;
    }

    /** A bar per minute, scaled to the busiest minute; each bar's title gives its count. */
    static void chart(Html h, String queue, long[] counts) {
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        int height = 24;
        h.raw("<svg class=\"throughput\" role=\"img\" viewBox=\"0 0 ").text(MINUTES * 3).raw(" ").text(height)
                .raw("\" width=\"").text(MINUTES * 3).raw("\" height=\"").text(height).raw("\" aria-label=\"")
                .text("Executions of " + queue + " finished per minute over the last hour, at most " + max + " a minute")
                .raw("\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            long bar = Math.max(1, Math.round((double) counts[i] * height / max));
            h.raw("<rect x=\"").text(i * 3).raw("\" y=\"").text(height - bar).raw("\" width=\"2\" height=\"").text(bar)
                    .raw("\"><title>").text((MINUTES - 1 - i) + " min ago: " + counts[i]).raw("</title></rect>");
        }
        h.raw("</svg>");
    }
}

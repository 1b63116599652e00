package dev.rondo.dashboard.internal;

import dev.rondo.dashboard.DashboardOptions;
import dev.rondo.store.DashboardDao;
import dev.rondo.core.ExecutionStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;

/**
 * An execution's new log lines as server-sent events ({@code text/event-stream}): one {@code line} event per
 * line (its number as the event id), polled from the database every {@link #POLL_MILLIS} ms, and an {@code end}
 * event once the execution has ended. A stream lasts at most {@link #MAX_SECONDS} seconds; the browser's
 * EventSource reconnects by itself and, with {@code Last-Event-ID}, goes on after the last line it has.
 */
final class LogEvents {

    static final int POLL_MILLIS = 500;
    static final int MAX_SECONDS = 300;
    private static final int BATCH = 500;

    private final Reads reads;
    private final DashboardOptions options;

    LogEvents(Reads reads, DashboardOptions options) {
        this.reads = reads;
        this.options = options;
    }

    void stream(Exchange x) {
        String id = x.param("id");
        if (id == null) {
            throw new Exchange.BadRequest("Whose log? Give the execution's id as ?id=…");
        }
        if (options.hiddenData()) {
            throw new Exchange.NotFound("Log lines are hidden by the dashboard's settings.");
        }
        int after = number(x.request.getHeaders().get("Last-Event-ID"), number(x.param("after"), 0));
        x.response.setStatus(200);
        x.response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        long deadline = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
        try (OutputStream out = Content.Sink.asOutputStream(x.sink())) {
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (System.nanoTime() < deadline) {
                int from = after;
                record Poll(List<DashboardDao.LogLine> lines, String status) {}
                Poll poll = reads.read(dao -> new Poll(dao.logLines(id, from, BATCH),
                        dao.execution(id).map(DashboardDao.Execution::status).orElse(null)));
                StringBuilder events = new StringBuilder();
                for (DashboardDao.LogLine line : poll.lines) {
                    events.append("id: ").append(line.seq()).append("\nevent: line\n");
                    for (String part : line.line().split("\\R", -1)) {
                        events.append("data: ").append(part).append('\n');
                    }
                    events.append('\n');
                    after = line.seq();
                }
                boolean over = poll.status == null || ExecutionStatus.of(poll.status).ended();
                if (over && poll.lines.size() < BATCH) {
                    events.append("event: end\ndata: ").append(poll.status == null ? "gone" : poll.status).append("\n\n");
                }
                if (!events.isEmpty()) {
                    out.write(events.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                if (over && poll.lines.size() < BATCH) {
                    break;
                }
                if (poll.lines.size() < BATCH) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
            x.callback.succeeded();
        } catch (IOException e) {
            x.callback.failed(e); // the browser went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            x.callback.failed(e);
        }
    }

    private static int number(String text, int otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}

package dev.rondo.dashboard.internal;

import dev.rondo.client.RondoClient;
import dev.rondo.core.RondoException;
import dev.rondo.dashboard.DashboardOptions;
import dev.rondo.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard as one Jetty handler: security headers and {@link Guard}'s rules on every request, then the
 * page or action its path names. Mountable under any context path of a user's own Jetty server. Pages block
 * on the database while they render, so the handler declares itself blocking.
 */
public final class DashboardHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardHandler.class);

    private final DashboardOptions options;
    private final Guard guard;
    private final ExecutionsPage executions;
    private final ExecutionPage execution;
    private final WorkflowsPage workflows;
    private final QueuesPage queues;
    private final Actions actions;
    private final BulkPage bulk;
    private final SchedulesPage schedules;
    private final LogEvents logEvents;
    private final byte[] css;
    private final byte[] js;

    /**
     * {@code loopbackHostOnly}: the dashboard serves on a loopback address without a token, so only requests
     * addressed to a loopback name are answered (a mounted handler leaves the host to its server).
     */
    public DashboardHandler(RondoClient client, DashboardOptions options, boolean loopbackHostOnly) {
        super(InvocationType.BLOCKING);
        this.options = options;
        this.guard = new Guard(options, loopbackHostOnly);
        Reads reads = new Reads(Store.jdbi(client.dataSource()));
        this.executions = new ExecutionsPage(reads);
        this.execution = new ExecutionPage(reads, client);
        this.workflows = new WorkflowsPage(reads, client);
        this.queues = new QueuesPage(reads, client::pausedQueues);
        this.actions = new Actions(client);
        this.bulk = new BulkPage(client);
        this.schedules = new SchedulesPage(client);
        this.logEvents = new LogEvents(reads, options);
        this.css = asset("dashboard.css");
        this.js = asset("dashboard.js");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback);
        var headers = response.getHeaders();
        // No inline script or style anywhere: the policy forbids both, and everything comes from this server.
        headers.put("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer"); // a token in a first visit's URL must not leak
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        try {
            if (guard.hostRefused(x)) {
                x.send(403, "text/plain; charset=utf-8", "This dashboard answers only requests addressed to 127.0.0.1 or localhost.\n");
                return true;
            }
            switch (guard.checkToken(x)) {
                case REFUSED -> {
                    x.send(401, "text/plain; charset=utf-8", "This dashboard needs its token: open it once as /?token=TOKEN,"
                            + " or send the header Authorization: Bearer TOKEN.\n");
                    return true;
                }
                case TOKEN_IN_URL -> {
                    x.redirect(x.path().equals("/") ? "/executions" : x.path());
                    return true;
                }
                case PASS -> { }
            }
            route(x);
        } catch (Exchange.BadRequest e) {
            error(x, 400, e.getMessage());
        } catch (Exchange.NotFound e) {
            error(x, 404, e.getMessage());
        } catch (RondoException | IllegalArgumentException e) {
            error(x, 400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("The dashboard failed on {} {}", request.getMethod(), x.path(), e);
            error(x, 500, "The dashboard failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return true;
    }

    private void route(Exchange x) {
        String method = x.method();
        String path = x.path();
        if (method.equals("POST")) {
            String refused = guard.refuseAction(x);
            if (refused != null) {
                error(x, 403, refused);
                return;
            }
            switch (path) {
                case "/execution/signal" -> actions.signal(x);
                case "/execution/cancel" -> actions.cancel(x);
                case "/execution/pause" -> actions.pause(x);
                case "/execution/resume" -> actions.resume(x);
                case "/execution/terminate" -> actions.terminate(x);
                case "/execution/retry" -> actions.retry(x);
                case "/execution/rewind" -> actions.rewind(x);
                case "/execution/fork" -> actions.fork(x);
                case "/workflows/upgrade" -> actions.upgrade(x);
                case "/executions/bulk" -> bulk.apply(x);
                case "/schedules/pause" -> schedules.act(x, "pause");
                case "/schedules/resume" -> schedules.act(x, "resume");
                case "/schedules/trigger" -> schedules.act(x, "trigger");
                case "/queues/pause" -> actions.pauseQueue(x);
                case "/queues/resume" -> actions.resumeQueue(x);
                default -> error(x, 404, "There is no action at " + path + ".");
            }
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            x.response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
            error(x, 405, "The dashboard answers GET, and POST for its actions.");
            return;
        }
        switch (path) {
            case "/assets/dashboard.css" -> x.bytes("text/css; charset=utf-8", css);
            case "/assets/dashboard.js" -> x.bytes("text/javascript; charset=utf-8", js);
            case "/", "" -> x.redirect("/executions");
            case "/executions" -> executions.serve(x, page(x));
            case "/executions/counts" -> x.html(200, executions.counts(x));
            case "/execution" -> x.html(200, execution.render(x, page(x)));
            case "/execution/logs" -> logEvents.stream(x);
            case "/workflows" -> x.html(200, workflows.render(page(x)));
            case "/workflow" -> x.html(200, workflows.renderVersion(x, page(x)));
            case "/upgrade" -> x.html(200, workflows.renderUpgrade(x, page(x)));
            case "/bulk" -> x.html(200, bulk.render(x, page(x)));
            case "/schedules" -> x.html(200, schedules.render(page(x)));
            case "/queues" -> x.html(200, queues.render(page(x)));
            default -> error(x, 404, "There is no page at " + path + ".");
        }
    }

    private Page page(Exchange x) {
        return new Page(x.base, guard.csrf(x), options);
    }

    private void error(Exchange x, int status, String message) {
        Html body = new Html().raw("<section class=\"problem\"><h1>").text(status).raw("</h1><p>").text(message)
                .raw("</p><p><a href=\"").text(x.base + "/executions").raw("\">Back to the executions</a></p></section>");
        x.html(status, new Page(x.base, "", options).document("Error " + status, "", body.toString()));
    }

    private static byte[] asset(String name) {
        try (InputStream in = DashboardHandler.class.getResourceAsStream("/dev/rondo/dashboard/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The dashboard's jar lacks its asset " + name + ".");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

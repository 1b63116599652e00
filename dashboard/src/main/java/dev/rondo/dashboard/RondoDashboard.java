package dev.rondo.dashboard;

import dev.rondo.client.RondoClient;
import dev.rondo.dashboard.internal.DashboardHandler;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard: executions, one execution (its source line, variables, timeline, live log, signal and
 * cancel), workflows, queues and workers. Pages are rendered on the server; the few scripts and the stylesheet
 * come from this jar, so it works with no network.
 *
 * <pre>{@code
 * try (RondoDashboard dashboard = RondoDashboard.start(dataSource, DashboardOptions.DEFAULTS)) {
 *     System.out.println("Open " + dashboard.uri());   // http://127.0.0.1:8233/
 *     dashboard.join();
 * }
 * }</pre>
 *
 * In a service that already runs Jetty 12, mount {@link #handler} under a context path of your own instead,
 * for example {@code new ContextHandler(RondoDashboard.handler(dataSource, options), "/rondo")}.
 */
public final class RondoDashboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RondoDashboard.class);

    private final Server server;
    private final URI uri;

    private RondoDashboard(Server server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    /**
     * Serves the dashboard on its own Jetty server, on {@code options.bind()}:{@code options.port()}; applies
     * any missing migrations first.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static RondoDashboard start(DataSource dataSource, DashboardOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        // Bound to loopback without a token: answer only requests addressed to a loopback name (DNS rebinding).
        Handler handler = new DashboardHandler(RondoClient.create(dataSource), options, true);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("rondo-dashboard");
        // Pages block on the database and log streams wait between polls: virtual threads make both cheap.
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(options.bind());
        connector.setPort(options.port());
        server.addConnector(connector);
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // it did not start; nothing more to release
            }
            throw new IllegalStateException("The dashboard cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        URI uri = URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
        LOG.info("Rondo dashboard on {} ({})", uri, options);
        return new RondoDashboard(server, uri);
    }

    /**
     * The dashboard as a Jetty 12 {@link Handler}, to mount in a server of your own (under any context path;
     * links follow it). The options' bind and port are not used; the token, read-only and hidden-data settings
     * are. Applies any missing migrations first.
     */
    public static Handler handler(DataSource dataSource, DashboardOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        return new DashboardHandler(RondoClient.create(dataSource), options, false);
    }

    /** Where it listens, such as {@code http://127.0.0.1:8233/}. */
    public URI uri() {
        return uri;
    }

    public int port() {
        return uri.getPort();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops serving; open log streams end. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The dashboard did not stop cleanly: " + e.getMessage(), e);
        }
    }
}

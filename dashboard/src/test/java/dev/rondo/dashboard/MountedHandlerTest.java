package dev.rondo.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard as a handler in a user's own Jetty server, under a context path: links, cookies and actions follow it. */
class MountedHandlerTest {

    @TempDir
    Path dir;

    @Test
    void underAContextPathEveryLinkAndActionStaysInside() throws Exception {
        try (Fixture fixture = new Fixture("dash_mounted", dir).started()) {
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(new ContextHandler(RondoDashboard.handler(fixture.db, DashboardOptions.DEFAULTS), "/rondo"));
            server.start();
            try {
                Http http = new Http(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
                HttpResponse<String> root = http.get("/rondo/");
                assertEquals(303, root.statusCode());
                assertTrue(root.headers().firstValue("Location").orElseThrow().endsWith("/rondo/executions"));
                HttpResponse<String> first = http.get("/rondo/executions");
                assertTrue(first.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains("Path=/rondo")), first.headers().toString());
                String list = first.body();
                assertTrue(list.contains("href=\"/rondo/execution?id=wait-1\""), list);
                assertTrue(list.contains("href=\"/rondo/assets/dashboard.css\""));
                assertFalse(list.contains("href=\"/execution"), "no link leaves the mount point");
                HttpResponse<String> page = http.get("/rondo/execution?id=wait-1");
                assertTrue(page.body().contains("action=\"/rondo/execution/signal\""));
                HttpResponse<String> sent = http.post("/rondo/execution/signal",
                        Map.of("csrf", Http.csrf(page.body()), "id", "wait-1", "name", "approve", "payload", "1"));
                assertEquals(303, sent.statusCode(), sent.body());
                assertTrue(sent.headers().firstValue("Location").orElseThrow().contains("/rondo/execution?id=wait-1"));
                fixture.awaitStatus("wait-1", "completed");
                assertEquals(404, http.get("/executions").statusCode(), "nothing outside the mount point");
            } finally {
                server.stop();
            }
        }
    }
}

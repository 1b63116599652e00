package dev.rondo.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security rules over HTTP: the token on every request, CSRF and origin on actions, read-only, hidden data, headers. */
class DashboardSecurityTest {

    private static final String TOKEN = "s3cret-token-0123456789";

    @TempDir
    static Path dir;

    static Fixture fixture;

    @BeforeAll
    static void start() {
        fixture = new Fixture("dash_security", dir).started();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void anOpenBindNeedsAToken() {
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> DashboardOptions.DEFAULTS.withBind("0.0.0.0"));
        assertTrue(open.getMessage().contains("give it a token"), open.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DashboardOptions.DEFAULTS.withToken("short"));
        assertEquals("0.0.0.0", DashboardOptions.DEFAULTS.withBindAndToken("0.0.0.0", TOKEN).bind());
        assertEquals("localhost", DashboardOptions.DEFAULTS.withBind("localhost").bind());
        assertThrows(IllegalArgumentException.class, () -> DashboardOptions.DEFAULTS.withPort(70_000));
    }

    @Test
    void everyRequestNeedsTheTokenByHeaderCookieOrFirstVisit() {
        try (RondoDashboard dashboard = RondoDashboard.start(fixture.db, DashboardOptions.DEFAULTS.withPort(0).withToken(TOKEN))) {
            Http http = new Http(dashboard.uri());
            for (String path : new String[] {"/executions", "/execution?id=wait-1", "/workflows", "/queues",
                    "/assets/dashboard.css", "/execution/logs?id=wait-1", "/nothing"}) {
                assertEquals(401, http.get(path).statusCode(), path);
            }
            assertEquals(401, http.get("/executions?token=wrong-token-0123456789").statusCode());
            assertEquals(401, http.get("/executions", "Authorization", "Bearer wrong").statusCode());
            assertEquals(401, http.post("/execution/cancel", Map.of("id", "wait-1", "confirm", "yes", "token", TOKEN)).statusCode(),
                    "a token in a form is not accepted");
            assertEquals(200, http.get("/executions", "Authorization", "Bearer " + TOKEN).statusCode());

            HttpResponse<String> first = http.get("/queues?token=" + TOKEN);
            assertEquals(303, first.statusCode());
            assertTrue(first.headers().firstValue("Location").orElseThrow().endsWith("/queues"), "the token leaves the address bar");
            String cookie = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("rondo_token=")).findFirst().orElseThrow();
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            assertEquals(200, http.get("/queues").statusCode(), "the cookie carries it from now on");
        }
    }

    @Test
    void actionsNeedAPostWithThisBrowsersCsrfTokenFromThisSite() throws Exception {
        try (RondoDashboard dashboard = RondoDashboard.start(fixture.db, DashboardOptions.DEFAULTS.withPort(0))) {
            Http http = new Http(dashboard.uri());
            String csrf = Http.csrf(http.get("/execution?id=wait-1").body());
            Map<String, String> cancel = Map.of("id", "wait-1", "confirm", "yes");

            assertEquals(403, http.post("/execution/cancel", cancel).statusCode(), "no CSRF field");
            assertEquals(403, http.post("/execution/cancel", Map.of("id", "wait-1", "confirm", "yes", "csrf", "x".repeat(32))).statusCode());
            Http other = new Http(dashboard.uri()); // another browser: its cookie is not this token
            other.get("/executions");
            assertEquals(403, other.post("/execution/cancel", Map.of("id", "wait-1", "confirm", "yes", "csrf", csrf)).statusCode());
            assertEquals(403, http.post("/execution/cancel", Map.of("id", "wait-1", "confirm", "yes", "csrf", csrf),
                    "Origin", "http://evil.example").statusCode());
            assertEquals(404, http.get("/execution/cancel").statusCode(), "an action has no page");
            assertEquals(405, http.client.send(java.net.http.HttpRequest.newBuilder(dashboard.uri().resolve("/executions"))
                    .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals("waiting", fixture.client.handle("wait-1").status().text(), "nothing was cancelled");
        }
    }

    @Test
    void readOnlyShowsNoFormsAndRefusesActions() {
        try (RondoDashboard dashboard = RondoDashboard.start(fixture.db, DashboardOptions.DEFAULTS.withPort(0).withReadOnly(true))) {
            Http http = new Http(dashboard.uri());
            String page = http.get("/execution?id=wait-1").body();
            assertFalse(page.contains("<form method=\"post\""), page);
            assertTrue(page.contains("<span class=\"mode\">read-only</span>"));
            HttpResponse<String> refused = http.post("/execution/signal", Map.of("id", "wait-1", "name", "approve", "csrf", "any"));
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("read-only"), refused.body());
            assertEquals("waiting", fixture.client.handle("wait-1").status().text());
        }
    }

    @Test
    void hiddenDataShowsNoInputResultVariablesOrLog() {
        try (RondoDashboard dashboard = RondoDashboard.start(fixture.db, DashboardOptions.DEFAULTS.withPort(0).withHiddenData(true))) {
            Http http = new Http(dashboard.uri());
            String page = http.get("/execution?id=wait-1").body();
            assertFalse(page.contains("o-1"), "the input's id appears nowhere: " + page);
            assertFalse(page.contains("log-line"), "nor the log");
            assertFalse(page.contains("data-var="), "nor the variables");
            assertTrue(page.contains("Hidden by the dashboard's settings."));
            assertTrue(page.contains("let answer = await Signal.next"), "the source still shows");
            assertEquals(404, http.get("/execution/logs?id=wait-1").statusCode());
            assertTrue(http.get("/execution?id=fail-1").body().contains("Error: no stock for 3 items"), "errors still show");
        }
    }

    @Test
    void withoutATokenOnlyRequestsAddressedToLoopbackAreAnswered() throws Exception {
        try (RondoDashboard dashboard = RondoDashboard.start(fixture.db, DashboardOptions.DEFAULTS.withPort(0))) {
            assertTrue(rawGet(dashboard.port(), "rebound.example:" + dashboard.port()).startsWith("HTTP/1.1 403"), "DNS rebinding");
            assertTrue(rawGet(dashboard.port(), "localhost:" + dashboard.port()).startsWith("HTTP/1.1 200"));
            assertTrue(rawGet(dashboard.port(), "127.0.0.1:" + dashboard.port()).startsWith("HTTP/1.1 200"));
        }
    }

    /** A GET of /queues with the Host header given (java.net.http will not send a chosen Host). */
    private static String rawGet(int port, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /queues HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        try (RondoDashboard dashboard = RondoDashboard.start(fixture.db, DashboardOptions.DEFAULTS.withPort(0))) {
            HttpResponse<String> page = new Http(dashboard.uri()).get("/executions");
            assertEquals("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
                    page.headers().firstValue("Content-Security-Policy").orElseThrow());
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
            assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
            assertTrue(page.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("rondo_csrf=") && c.contains("SameSite=Strict")));
            assertFalse(page.body().contains(" style=\""), "no inline style: the policy would block it");
            assertFalse(page.body().contains("<script>"), "no inline script");
        }
    }
}

package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.rondo.testdb.TestDatabase;
import org.junit.jupiter.api.Test;

/** {@code rondo ui}: refuses an open bind without a token before connecting, and serves the pages on the database given. */
class UiCommandTest {

    private record Result(int code, String out, String err) {}

    private static Result rondo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void anOpenBindWithoutATokenIsAUsageError() {
        Result open = rondo("ui", "--bind", "0.0.0.0", "--database-url", "jdbc:postgresql://127.0.0.1:1/none");
        assertEquals(2, open.code(), open.err());
        assertTrue(open.err().contains("give it a token (--token or RONDO_UI_TOKEN), or bind to 127.0.0.1"), open.err());
        Result shortToken = rondo("ui", "--token", "abc", "--database-url", "jdbc:postgresql://127.0.0.1:1/none");
        assertEquals(2, shortToken.code());
        assertTrue(shortToken.err().contains("at least 16 characters"), shortToken.err());
    }

    @Test
    void servesThePagesUntilStopped() throws Exception {
        String url = TestDatabase.freshSchemaUrl("cli_ui");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<Result> running = thread.submit(() -> rondo("ui", "--port", Integer.toString(port), "--read-only", "--database-url", url));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> page = null;
        while (page == null) {
            try {
                page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/queues")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException notYet) {
                assertTrue(System.nanoTime() < deadline, "rondo ui never answered");
                Thread.sleep(100);
            }
        }
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>Queues and workers</h1>") && page.body().contains("read-only"), page.body());
        thread.shutdownNow(); // the command blocks in join(); the JVM's end (its shutdown hook) stops it in real use
        assertTrue(!running.isDone() || running.get().code() == 0);
    }
}

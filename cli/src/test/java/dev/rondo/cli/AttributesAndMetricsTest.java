package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.testdb.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rondo start --attr}, {@code rondo list --where}, attributes in describe, and the Prometheus endpoint of {@code rondo worker --metrics-port}. */
class AttributesAndMetricsTest {

    @TempDir
    Path dir;

    @Test
    void attributesAreSetAtStartFilteredOnAndDescribed() throws Exception {
        Cli rondo = new Cli(TestDatabase.freshSchemaUrl("cli_attributes"));
        Files.writeString(dir.resolve("order.flow"), "return await Signal.next(\"paid\")\n");
        assertEquals(0, rondo.run("deploy", dir.toString()).code());
        Cli.Result started = rondo.run("start", "order", "--id", "o-1", "--attr", "customer=c-42", "--attr", "region=eu");
        assertEquals(0, started.code(), started.err());
        assertEquals(0, rondo.run("start", "order", "--id", "o-2", "--attr", "customer=c-7").code());

        Cli.Result list = rondo.run("list", "--where", "customer=c-42");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().lines().skip(1).findFirst().orElseThrow().startsWith("o-1 "), list.out());
        assertTrue(list.out().contains("customer=c-42 region=eu"), list.out());
        assertEquals(2, list.out().lines().count(), "the header and o-1: " + list.out());
        JsonNode both = rondo.run("list", "--json", "--where", "status=queued", "--where", "workflow=order").json();
        assertEquals(2, both.size());
        JsonNode none = rondo.run("list", "--json", "--where", "customer=c-42", "--where", "region=us").json();
        assertEquals(0, none.size());
        assertEquals("eu", rondo.run("list", "--json", "--where", "customer=c-42").json().get(0).get("attributes").get("region").asText());

        Cli.Result described = rondo.run("describe", "o-1");
        assertTrue(described.out().contains("attributes  customer=c-42 region=eu"), described.out());
        assertEquals("c-7", rondo.run("describe", "o-2", "--json").json().get("attributes").get("customer").asText());

        for (String[] bad : new String[][] {{"start", "order", "--attr", "customer"}, {"start", "order", "--attr", "status=x"},
                {"start", "order", "--attr", "a=1", "--attr", "a=2"}, {"list", "--where", "nothing"}}) {
            Cli.Result refused = rondo.run(bad);
            assertEquals(2, refused.code(), String.join(" ", bad) + ": " + refused.err());
        }
        assertEquals(2, rondo.run("list", "--json").json().size(), "no refused start wrote anything");
    }

    @Test
    void theMetricsEndpointServesPrometheusText() throws Exception {
        try (MetricsEndpoint endpoint = new MetricsEndpoint("127.0.0.1", 0)) {
            endpoint.registry.counter("rondo.example", "queue", "default").increment(3);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
            assertTrue(response.body().contains("rondo_example_total{queue=\"default\"} 3"), response.body());
            HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }
}

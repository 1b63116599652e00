package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rondo describe} says when no worker serves the queue an execution waits on, and how to start one. */
class DescribeHintTest {

    @TempDir
    Path work;

    @Test
    void describeHintsAtAQueueNoWorkerServes() throws Exception {
        Cli rondo = new Cli(TestDatabase.freshSchemaUrl("cli_hint"));
        Files.writeString(work.resolve("lonely.flow"), "return 1\n");
        assertEquals(0, rondo.run("deploy", work.resolve("lonely.flow").toString()).code());
        assertEquals(0, rondo.run("start", "lonely", "--id", "l-1", "--queue", "nobody").code());

        Cli.Result described = rondo.run("describe", "l-1");
        assertEquals(0, described.code(), described.err());
        assertTrue(described.out().contains(
                "hint: no worker has served queue nobody in the last 5 minutes; start one with `rondo worker --queue nobody`\n"),
                described.out());
        assertEquals("no worker has served queue nobody in the last 5 minutes; start one with `rondo worker --queue nobody`",
                rondo.run("describe", "l-1", "--json").json().get("hints").get(0).asText());
    }
}

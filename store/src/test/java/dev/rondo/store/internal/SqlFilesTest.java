package dev.rondo.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.store.Channels;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The store's statements are read with their fragments included, and the rules live only in the fragments. */
class SqlFilesTest {

    private static List<String> statements() throws IOException, URISyntaxException {
        // a file of the main resources, not the test classes' folder of the same package
        Path root = Path.of(SqlFiles.class.getClassLoader().getResource("dev/rondo/store/QueueStatements/claim.sql").toURI())
                .getParent().getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".sql")).map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void everyStatementReadsWithItsFragmentsIncluded() throws Exception {
        List<String> paths = statements();
        assertTrue(paths.size() > 30, paths.toString());
        int wakeUps = 0;
        for (String path : paths) {
            String sql = SqlFiles.read(path);
            assertFalse(sql.contains("{{"), path);
            if (sql.contains("LEAST(queue_items.run_at, excluded.run_at)")) {
                wakeUps++;
            }
        }
        assertTrue(wakeUps >= 6, "statements that wake a workflow: " + wakeUps);
        assertTrue(SqlFiles.read("SliceDao/finish_workflow.sql").contains("pg_notify('" + Channels.DONE + "'"));
        assertTrue(SqlFiles.read("QueueStatements/finish_tasks.sql").contains("pg_notify('" + Channels.WORK + "'"));
    }

    @Test
    void theRulesAreWrittenOnlyInTheFragments() throws Exception {
        for (String path : statements()) {
            String raw;
            try (var in = SqlFiles.class.getClassLoader().getResourceAsStream("dev/rondo/store/" + path)) {
                raw = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            String code = SqlText.withoutComments(raw);
            assertFalse(code.contains("'" + Channels.WORK + "'") || code.contains("'" + Channels.DONE + "'"),
                    path + " names a NOTIFY channel instead of {{work_channel}}/{{done_channel}}");
            assertFalse(code.contains("LEAST(queue_items.run_at"), path + " restates the wake-up rule instead of {{wake_up}}");
        }
    }

    @Test
    void anUnknownFragmentIsRefusedWithTheFileName() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SqlFiles.expand("X/y.sql", "SELECT {{wake_upp}}"));
        assertTrue(e.getMessage().startsWith("X/y.sql names an unknown fragment at {{wake_upp}}"), e.getMessage());
        assertEquals("SELECT 'rondo_work'", SqlFiles.expand("X/y.sql", "SELECT {{work_channel}}"));
    }
}

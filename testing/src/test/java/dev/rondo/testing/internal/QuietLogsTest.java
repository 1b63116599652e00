package dev.rondo.testing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.migrations.Migrations;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A user's project has no SLF4J provider on its test classpath (ours has slf4j-simple): in a JVM like
 * theirs, migrating a schema as {@code @RondoDatabase} does prints nothing with {@link QuietLogs}, and
 * SLF4J's warning (and Flyway's lines) without it.
 */
class QuietLogsTest {

    @Test
    void migratingASchemaWithoutAnSlf4jProviderPrintsNothing() throws Exception {
        String quiet = migrateInAUsersJvm("quiet_logs_q", true);
        assertEquals("migrated\n", quiet);
        String loud = migrateInAUsersJvm("quiet_logs_l", false);
        assertTrue(loud.contains("SLF4J") && loud.endsWith("migrated\n"), loud);
    }

    private static String migrateInAUsersJvm(String schema, boolean quiet) throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Process child = new ProcessBuilder(java, "-cp", classpath, UsersTest.class.getName(), PostgresServer.url(), schema,
                    String.valueOf(quiet)).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), output);
            assertEquals(0, child.exitValue(), output);
            return output;
        } finally {
            Schemas.drop(schema);
        }
    }

    /** The child JVM: what the test kit does for a {@code @RondoDatabase} class, on the parent's server. */
    public static final class UsersTest {
        public static void main(String[] args) {
            if (Boolean.parseBoolean(args[2])) {
                QuietLogs.apply();
            }
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(args[0]);
            Migrations.apply(dataSource, args[1]);
            org.slf4j.LoggerFactory.getLogger(UsersTest.class).info("as the worker and the embedded server log");
            System.out.println("migrated");
        }
    }
}

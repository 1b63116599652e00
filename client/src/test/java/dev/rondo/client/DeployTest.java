package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.AstCodec;
import dev.rondo.core.CompileException;
import dev.rondo.core.Diagnostic;
import dev.rondo.core.ast.Program;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploying is all or nothing, names follow the folder layout, and versions are kept. */
class DeployTest {

    @TempDir
    Path dir;

    private DataSource db;
    private RondoClient rondo;

    @BeforeEach
    void connect() {
        db = TestDatabase.freshSchema("deploy");
        rondo = RondoClient.create(db);
    }

    private Path write(String relative, String source) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return file;
    }


    @Test
    void aFolderDeploysEveryFileNamedByItsPath() throws Exception {
        write("flows/hello.flow", "print('hi')\n");
        write("flows/orders/refund.flow", "await Task.run('refund')\n");
        List<Deployment> deployed = rondo.deploy(dir.resolve("flows"));
        assertEquals(List.of("hello", "orders/refund"), deployed.stream().map(Deployment::name).toList());
        assertTrue(deployed.stream().allMatch(Deployment::changed));
        assertEquals(List.of("hello", "orders/refund"), Sql.rows(db, "SELECT name FROM flow_heads ORDER BY name"));
        Program stored = AstCodec.fromJson(Sql.rows(db, "SELECT ast FROM flow_definitions WHERE name = 'orders/refund'").get(0));
        assertEquals("orders/refund.flow", stored.file());
    }

    @Test
    void oneBrokenFileMeansNothingIsDeployedAndEveryProblemIsReported() throws Exception {
        write("flows/good.flow", "print(1)\n");
        write("flows/bad.flow", "let x = y\n");
        write("flows/worse.flow", "print(\n");
        CompileException error = assertThrows(CompileException.class, () -> rondo.deploy(dir.resolve("flows")));
        List<String> files = error.diagnostics().stream().map(Diagnostic::file).map(f -> Path.of(f).getFileName().toString()).toList();
        assertTrue(files.contains("bad.flow") && files.contains("worse.flow"), error.getMessage());
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM flow_definitions"));
    }

    @Test
    void redeployingKeepsOldVersionsAndOnlyMovesTheHeadOnChange() throws Exception {
        Path file = write("greet.flow", "print('v1')\n");
        Deployment first = rondo.deploy(file).get(0);
        assertFalse(rondo.deploy(file).get(0).changed(), "the same source again changes nothing");
        write("greet.flow", "print('v2')\n");
        Deployment second = rondo.deploy(file).get(0);
        assertTrue(second.changed());
        assertFalse(first.hash().equals(second.hash()));
        assertEquals(List.of("2"), Sql.rows(db, "SELECT count(*) FROM flow_definitions WHERE name = 'greet'"));
        assertEquals(List.of(second.hash()), Sql.rows(db, "SELECT hash FROM flow_heads WHERE name = 'greet'"));
    }

    @Test
    void badNamesAndMissingPathsAreClearErrors() throws Exception {
        Path badName = write("my flow.flow", "print(1)\n");
        CompileException error = assertThrows(CompileException.class, () -> rondo.deploy(badName));
        assertTrue(error.getMessage().contains("'my flow' is not a valid workflow name"), error.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> rondo.deploy(dir.resolve("nowhere")));
        assertTrue(missing.getMessage().startsWith("No such file or folder"), missing.getMessage());
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM flow_definitions"));
    }
}

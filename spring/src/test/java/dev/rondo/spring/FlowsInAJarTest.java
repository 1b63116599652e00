package dev.rondo.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.testing.RondoDatabase;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.net.protocol.Handlers;

/** rondo.flows.locations deploys a class-path folder that is inside a jar, as in a packaged application. */
@RondoDatabase
class FlowsInAJarTest {

    @RondoDatabase
    static String url;

    @Test
    void deploysTheFlowsOfAFolderInsideAJar(@TempDir Path dir) throws Exception {
        Path jar = jar(dir.resolve("app.jar"), "packaged/", "packaged/billing/");
        deploysFrom(jar.toUri().toURL(), "classpath:packaged", "app.jar");
    }

    /** As in an application run with java -jar: its classes in BOOT-INF/classes/ of the executable jar. */
    @Test
    void deploysTheFlowsOfAFolderInsideAnExecutableSpringBootJar(@TempDir Path dir) throws Exception {
        Path jar = jar(dir.resolve("boot.jar"), "BOOT-INF/", "BOOT-INF/classes/", "BOOT-INF/classes/packaged/",
                "BOOT-INF/classes/packaged/billing/");
        Handlers.register(); // what Spring Boot's launcher does first: jar:nested: URLs
        deploysFrom(URI.create("jar:nested:" + jar.toAbsolutePath() + "/!BOOT-INF/classes/!/").toURL(), "classpath:packaged",
                "boot.jar");
    }

    /** Deploys {@code location} from {@code classes} and runs the flow: its result says which jar it came from. */
    private void deploysFrom(URL classes, String location, String jarName) throws Exception {
        try (URLClassLoader app = new URLClassLoader(new URL[] {classes}, getClass().getClassLoader())) {
            RondoAutoConfigurationTest.application(url).withClassLoader(app)
                    .withPropertyValues("rondo.flows.locations=" + location)
                    .run(context -> {
                        RondoClient rondo = context.getBean(RondoClient.class);
                        assertEquals("{\"invoiced\":12,\"from\":\"" + jarName + "\"}", rondo.start("billing/invoice", "{\"amount\": 12}", StartOptions.DEFAULT)
                                .result(Duration.ofSeconds(60)).resultJson());
                    });
        }
    }

    /** A jar with these folders, the last holding invoice.flow, whose result names the jar. */
    private static Path jar(Path jar, String... folders) throws Exception {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : folders) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(folders[folders.length - 1] + "invoice.flow"));
            out.write(("return {invoiced: Inputs.amount, from: \"" + jar.getFileName() + "\"}\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}

package dev.rondo.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.testing.RondoDatabase;
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

/** rondo.flows.locations deploys a class-path folder that is inside a jar, as in a packaged application. */
@RondoDatabase
class FlowsInAJarTest {

    @RondoDatabase
    static String url;

    @Test
    void deploysTheFlowsOfAFolderInsideAJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : new String[] {"packaged/", "packaged/billing/"}) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("packaged/billing/invoice.flow"));
            out.write("return {invoiced: Inputs.amount}\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (URLClassLoader app = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            RondoAutoConfigurationTest.application(url).withClassLoader(app)
                    .withPropertyValues("rondo.flows.locations=classpath:packaged")
                    .run(context -> {
                        RondoClient rondo = context.getBean(RondoClient.class);
                        assertEquals("{\"invoiced\":12}", rondo.start("billing/invoice", "{\"amount\": 12}",
                                StartOptions.DEFAULT.withId("invoice-1")).result(Duration.ofSeconds(60)).resultJson());
                    });
        }
    }
}

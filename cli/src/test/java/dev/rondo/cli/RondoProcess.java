package dev.rondo.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code rondo} command as a separate JVM (the test class path), with its own environment. */
final class RondoProcess {

    private final Map<String, String> environment;
    private final Path outputDir;
    private int started;

    /** {@code environment}: variables to set; a null value removes the variable. Output files go to {@code outputDir}. */
    RondoProcess(Map<String, String> environment, Path outputDir) {
        this.environment = environment;
        this.outputDir = outputDir;
    }

    /** A running {@code rondo} process and the files its output goes to. */
    record Running(Process process, Path out, Path err) {
        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }
    }

    record Result(int code, String out, String err) {}

    Running start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath(), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        int n = ++started;
        Path out = outputDir.resolve("rondo-" + n + ".out");
        Path err = outputDir.resolve("rondo-" + n + ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        return new Running(builder.start(), out, err);
    }

    /** Runs to the end (at most two minutes). */
    Result run(String... args) throws IOException, InterruptedException {
        Running running = start(args);
        if (!running.process().waitFor(2, TimeUnit.MINUTES)) {
            running.process().destroyForcibly();
            throw new AssertionError("rondo " + String.join(" ", args) + " did not end: " + running.stderr());
        }
        return new Result(running.process().exitValue(), running.stdout(), running.stderr());
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}

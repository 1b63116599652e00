package dev.rondo.bench.chaos;

import java.io.IOException;

/** The PostgreSQL server the chaos suite runs on, which it can restart. */
interface ChaosServer extends AutoCloseable {

    /** A JDBC URL of the suite's database (its public schema is the suite's to drop). */
    String url();

    /**
     * Restarts the server and returns once it accepts connections again: {@code immediate} stops it as a
     * crash would (no checkpoint; the start replays the WAL), otherwise a fast shutdown (sessions ended,
     * a checkpoint written).
     */
    void restart(boolean immediate) throws IOException, InterruptedException;

    @Override
    void close() throws IOException;

    /** Runs {@code command}, its output appended to nothing but an exception's message on failure. */
    static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + code + "): " + output.strip());
        }
    }
}

package dev.rondo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Runs the {@code rondo} command in this JVM on one database, capturing its output. */
final class Cli {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String databaseUrl;

    Cli(String databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    record Result(int code, String out, String err) {
        /** Standard output parsed as JSON (fails the test when it is not). */
        JsonNode json() {
            try {
                return MAPPER.readTree(out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("not JSON: " + out + " (stderr: " + err + ")", e);
            }
        }
    }

    /** {@code rondo ARGS... --database-url URL}. */
    Result run(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--database-url";
        all[args.length + 1] = databaseUrl;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), all);
        return new Result(code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }
}

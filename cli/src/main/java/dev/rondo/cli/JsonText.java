package dev.rondo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rondo.core.Payloads;
import dev.rondo.core.RondoException;
import dev.rondo.core.value.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON in (arguments given as {@code JSON} or {@code @file}) and out ({@code --json}). */
final class JsonText {

    /** Without Jackson's default limits on depth and sizes, as for the Flow values it carries (a copy: a mapper sets its factory's codec). */
    /** Made on first use: a command that prints no JSON tree (status, signal, start) loads no Jackson databind (about 390 classes). */
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper(Json.factory().copy());
    }

    static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private JsonText() {}

    /**
     * The JSON an argument gives, inline or from {@code @file}, checked by the client's rules for inputs and
     * payloads (size, numbers, NUL: {@link Payloads}), so the command line refuses exactly what the client
     * refuses, and in canonical form.
     *
     * @throws UsageException naming the option when the file cannot be read or the JSON breaks a rule
     */
    static String argument(String option, String value) {
        String text = value;
        if (value.startsWith("@")) {
            Path file = Path.of(value.substring(1));
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UsageException(option + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").");
            }
        }
        if (text.isBlank()) {
            throw new UsageException(option + " is empty: give a JSON value, such as {} or null.");
        }
        try {
            return Payloads.normalize(text, "value");
        } catch (RondoException.InvalidPayload invalid) {
            String message = invalid.getMessage();
            throw new UsageException(option + ": " + Character.toLowerCase(message.charAt(0)) + message.substring(1));
        }
    }

    /** A JSON text already checked by {@link #argument} as a Jackson node (for a mocked task's answer). */
    static JsonNode parse(String json) {
        try {
            return mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return mapper().createObjectNode();
    }

    /** A JSON text as a node, for embedding a stored result or payload in {@code --json} output. */
    static JsonNode node(String json) {
        if (json == null) {
            return mapper().nullNode();
        }
        try {
            return mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return mapper().getNodeFactory().textNode(json);
        }
    }

    static void print(PrintWriter out, JsonNode node) {
        out.println(node.toString());
    }
}

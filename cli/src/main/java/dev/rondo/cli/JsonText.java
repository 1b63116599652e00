package dev.rondo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON in (arguments given as {@code JSON} or {@code @file}) and out ({@code --json}). */
final class JsonText {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {}

    /**
     * The JSON an argument gives, inline or from {@code @file}, checked.
     *
     * @throws UsageException naming the option when the file cannot be read or the text is not JSON
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
        return parse(option, text).toString();
    }

    static JsonNode parse(String what, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node.isMissingNode()) {
                throw new UsageException(what + " is empty: give a JSON value, such as {} or null.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UsageException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A JSON text as a node, for embedding a stored result or payload in {@code --json} output. */
    static JsonNode node(String json) {
        if (json == null) {
            return MAPPER.nullNode();
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return MAPPER.getNodeFactory().textNode(json);
        }
    }

    static void print(PrintWriter out, JsonNode node) {
        out.println(node.toString());
    }
}

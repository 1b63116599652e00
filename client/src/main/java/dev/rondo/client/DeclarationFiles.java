package dev.rondo.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the files deployed beside the flows ({@code schedules.json}, {@code limits.json}) share: an array of entries. */
final class DeclarationFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeclarationFiles() {}

    /**
     * The entries of {@code file}, a JSON array; null, with a sentence in {@code problems}, when it cannot be
     * read, is not JSON or holds something else ({@code example} shows the array expected).
     */
    static JsonNode readArray(Path file, String example, List<String> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            problems.add(file + ": not valid JSON: " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            problems.add(file + ": cannot be read: " + e.getMessage());
            return null;
        }
        if (root == null || !root.isArray()) {
            problems.add(file + ": must hold an array of " + example);
            return null;
        }
        return root;
    }
}

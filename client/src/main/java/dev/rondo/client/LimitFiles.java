package dev.rondo.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.FlowFiles;
import dev.rondo.core.Identifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named limits a deployed folder declares in {@code limits.json} at its root (docs/scheduling.md, "Named
 * limits"): an array of objects with {@code name} and either {@code concurrency} (at most that many at once)
 * or {@code perSecond} (at most that many admissions in any second). As with {@code schedules.json}, a deploy
 * manages the declared limits of the folders it deploys: what the file declares is created or changed, the
 * limits declared with those folders' workflows that it no longer names are deleted, and limits set by hand
 * are left alone.
 */
final class LimitFiles {

    static final String FILE = "limits.json";
    private static final Set<String> KEYS = Set.of("name", "concurrency", "perSecond");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One declared limit, and the file that declares it. */
    record Declared(String name, boolean rate, int value, Path file) {}

    private LimitFiles() {}

    /**
     * The limits of the folders among {@code paths}; {@code problems} gets a sentence per mistake (file, entry
     * and what to change).
     */
    static List<Declared> read(List<Path> paths, List<String> problems) {
        List<Declared> declared = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path path : paths) {
            Path file = path.resolve(FILE);
            if (!Files.isDirectory(path) || !Files.isRegularFile(file)) {
                continue;
            }
            Set<String> here = new LinkedHashSet<>();
            FlowFiles.collect(List.of(path)).files().forEach(f -> here.add(f.name()));
            if (here.isEmpty()) {
                problems.add(file + ": the folder holds no .flow file; a limits.json is deployed with the flows"
                        + " beside it (or set the limits with rondo limit set)");
                continue;
            }
            JsonNode root;
            try {
                root = JSON.readTree(Files.readString(file));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                problems.add(file + ": not valid JSON: " + e.getOriginalMessage());
                continue;
            } catch (IOException e) {
                problems.add(file + ": cannot be read: " + e.getMessage());
                continue;
            }
            if (root == null || !root.isArray()) {
                problems.add(file + ": must hold an array of limits, [{\"name\": \"stripe\", \"perSecond\": 20},"
                        + " {\"name\": \"ledger\", \"concurrency\": 1}, …]");
                continue;
            }
            for (int i = 0; i < root.size(); i++) {
                try {
                    Declared d = entry(root.get(i), file);
                    if (!names.add(d.name())) {
                        throw new IllegalArgumentException("the name '" + d.name() + "' is declared twice");
                    }
                    declared.add(d);
                } catch (IllegalArgumentException e) {
                    problems.add(file + ": limit " + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        return declared;
    }

    private static Declared entry(JsonNode e, Path file) {
        if (e == null || !e.isObject()) {
            throw new IllegalArgumentException("must be an object such as {\"name\": \"stripe\", \"perSecond\": 20}");
        }
        for (Iterator<String> keys = e.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "'; the keys are " + new TreeSet<>(KEYS));
            }
        }
        JsonNode name = e.get("name");
        if (name == null || !name.isTextual()) {
            throw new IllegalArgumentException("\"name\" must be given as a string");
        }
        String problem = Identifiers.problem(Identifiers.Kind.QUEUE, name.asText());
        if (problem != null) {
            throw new IllegalArgumentException("\"name\": " + problem);
        }
        if (e.has("concurrency") == e.has("perSecond")) {
            throw new IllegalArgumentException("give either \"concurrency\" (how many at once) or \"perSecond\" (how many"
                    + " admissions in any second)");
        }
        String key = e.has("perSecond") ? "perSecond" : "concurrency";
        JsonNode value = e.get(key);
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.asInt() < 1) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number of 1 or more, not " + value);
        }
        return new Declared(name.asText(), e.has("perSecond"), value.asInt(), file);
    }
}

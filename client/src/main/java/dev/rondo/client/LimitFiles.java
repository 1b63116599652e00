package dev.rondo.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.core.FlowFiles;
import dev.rondo.core.Identifiers;
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

    /** One declared limit, and the file that declares it. */
    record Declared(String name, boolean rate, int value, Path file) {}

    /** What the folders declare, and for each workflow of a folder with a limits.json, that file. */
    record Found(List<Declared> limits, java.util.Map<String, Path> fileOf) {}

    private LimitFiles() {}

    /**
     * The limits of the folders among {@code paths}; {@code problems} gets a sentence per mistake (file, entry
     * and what to change).
     */
    static Found read(List<Path> paths, List<String> problems) {
        List<Declared> declared = new ArrayList<>();
        java.util.Map<String, Path> fileOf = new java.util.HashMap<>();
        Set<String> names = new HashSet<>();
        for (Path path : paths) {
            Path file = path.resolve(FILE);
            if (!Files.isDirectory(path) || !Files.isRegularFile(file)) {
                continue;
            }
            Set<String> here = new LinkedHashSet<>();
            FlowFiles.collect(List.of(path)).files().forEach(f -> here.add(f.name()));
            here.forEach(w -> fileOf.put(w, file));
            if (here.isEmpty()) {
                problems.add(file + ": the folder holds no .flow file; a limits.json is deployed with the flows"
                        + " beside it (or set the limits with rondo limit set)");
                continue;
            }
            JsonNode root = DeclarationFiles.readArray(file, "limits, [{\"name\": \"stripe\", \"perSecond\": 20},"
                    + " {\"name\": \"ledger\", \"concurrency\": 1}, …]", problems);
            if (root == null) {
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
        return new Found(declared, fileOf);
    }

    /**
     * The references of the flows of folders with a limits.json to limits that the deploy's files do not
     * declare and that are not set by hand ({@code setByHand}: name to rate or not), or of the other kind;
     * one diagnostic each, at the reference. A flow deployed without a limits.json is not checked: its
     * limits may be set after it is deployed.
     */
    static List<dev.rondo.core.Diagnostic> undeclared(Found found, String workflow, String displayPath,
                                                      List<dev.rondo.core.LimitReference> references,
                                                      java.util.Map<String, Boolean> setByHand) {
        Path file = found.fileOf().get(workflow);
        List<dev.rondo.core.Diagnostic> problems = new ArrayList<>();
        if (file == null) {
            return problems;
        }
        java.util.Map<String, Boolean> known = new java.util.HashMap<>(setByHand);
        found.limits().forEach(d -> known.put(d.name(), d.rate()));
        for (dev.rondo.core.LimitReference r : references) {
            Boolean rate = known.get(r.name());
            String kind = r.rate() ? "rate limit" : "concurrency limit";
            String example = r.rate() ? "{\"name\": \"" + r.name() + "\", \"perSecond\": N}"
                    : "{\"name\": \"" + r.name() + "\", \"concurrency\": N}";
            if (rate == null) {
                problems.add(new dev.rondo.core.Diagnostic(displayPath, r.line(), r.column(), "Task.run names the " + kind
                        + " '" + r.name() + "', which " + file + " does not declare and no limit of that name is set; add "
                        + example + " to it."));
            } else if (rate != r.rate()) {
                problems.add(new dev.rondo.core.Diagnostic(displayPath, r.line(), r.column(), "Task.run names '" + r.name()
                        + "' as a " + kind + ", but it is declared as a " + (rate ? "rate limit" : "concurrency limit") + "."));
            }
        }
        return problems;
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

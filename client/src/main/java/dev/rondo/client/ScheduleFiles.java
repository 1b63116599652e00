package dev.rondo.client;

import dev.rondo.core.RondoException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.core.FlowFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The schedules a deployed folder declares in {@code schedules.json} at its root (docs/scheduling.md): an
 * array of objects with {@code name}, {@code workflow}, {@code cron} or {@code every} (seconds), and
 * optionally {@code timeZone}, {@code input}, {@code overlap}, {@code catchup} and {@code queue}. A deploy
 * manages the declared schedules of the workflows of the folders it deploys: what the file declares is
 * created or changed, the declared schedules of those workflows it no longer names are deleted, and
 * schedules made by the client or the command line are left alone.
 */
final class ScheduleFiles {

    static final String FILE = "schedules.json";
    private static final Set<String> KEYS = Set.of("name", "workflow", "cron", "every", "timeZone", "input", "overlap",
            "catchup", "queue");

    /** What a deploy declares: the schedules, and the workflows whose declared schedules it manages. */
    record Declared(List<Schedule> schedules, List<String> workflows) {
        boolean none() {
            return workflows.isEmpty();
        }
    }

    private ScheduleFiles() {}

    /**
     * The schedules of the folders among {@code paths}; {@code problems} gets a sentence per mistake (file,
     * entry and what to change), and nothing is declared then.
     */
    static Declared read(List<Path> paths, List<String> problems) {
        List<Schedule> schedules = new ArrayList<>();
        Set<String> workflows = new LinkedHashSet<>();
        Set<String> names = new HashSet<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                continue;
            }
            Set<String> here = new LinkedHashSet<>();
            FlowFiles.collect(List.of(path)).files().forEach(f -> here.add(f.name()));
            workflows.addAll(here);
            Path file = path.resolve(FILE);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonNode root = DeclarationFiles.readArray(file, "schedules, [{\"name\": …, \"workflow\": …, \"cron\": …}, …]", problems);
            if (root == null) {
                continue;
            }
            for (int i = 0; i < root.size(); i++) {
                String where = file + ": schedule " + (i + 1);
                try {
                    Schedule s = entry(root.get(i));
                    if (!here.contains(s.workflow())) {
                        throw new IllegalArgumentException("names workflow '" + s.workflow() + "', which is not a .flow file of "
                                + path + "; declare a schedule beside its flow");
                    }
                    if (!names.add(s.name())) {
                        throw new IllegalArgumentException("the name '" + s.name() + "' is declared twice");
                    }
                    schedules.add(s);
                } catch (IllegalArgumentException | RondoException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            }
        }
        return new Declared(schedules, List.copyOf(workflows));
    }

    private static Schedule entry(JsonNode e) {
        if (e == null || !e.isObject()) {
            throw new IllegalArgumentException("must be an object");
        }
        for (Iterator<String> keys = e.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "'; the keys are " + new java.util.TreeSet<>(KEYS));
            }
        }
        String name = text(e, "name", true);
        String workflow = text(e, "workflow", true);
        Schedule s;
        if (e.has("cron") == e.has("every")) {
            throw new IllegalArgumentException("give either \"cron\" or \"every\" (seconds)");
        } else if (e.has("cron")) {
            s = Schedule.cron(name, workflow, text(e, "cron", true));
        } else {
            JsonNode every = e.get("every");
            if (!every.canConvertToExactIntegral() || !every.canConvertToLong()) {
                throw new IllegalArgumentException("\"every\" must be a whole number of seconds");
            }
            s = Schedule.every(name, workflow, Duration.ofSeconds(every.asLong()));
        }
        if (e.has("timeZone")) {
            s = s.withTimeZone(text(e, "timeZone", true));
        }
        if (e.has("input")) {
            s = s.withInput(e.get("input").toString());
        }
        if (e.has("overlap")) {
            s = s.withOverlap(Overlap.parse(text(e, "overlap", true)));
        }
        if (e.has("catchup")) {
            if (!e.get("catchup").canConvertToExactIntegral()) {
                throw new IllegalArgumentException("\"catchup\" must be a whole number of runs");
            }
            s = s.withCatchup(e.get("catchup").asInt());
        }
        if (e.has("queue")) {
            s = s.withQueue(text(e, "queue", true));
        }
        return s;
    }

    private static String text(JsonNode e, String key, boolean required) {
        JsonNode v = e.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" must be " + (required ? "given as " : "") + "a string");
        }
        return v.asText();
    }
}

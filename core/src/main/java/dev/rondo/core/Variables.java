package dev.rondo.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.rondo.core.internal.codec.CheckpointCodec;
import dev.rondo.core.internal.interp.CheckpointState;
import dev.rondo.core.internal.interp.Pos;
import dev.rondo.core.value.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The variables of a suspended execution, read from its checkpoint without running anything: the locals of
 * every scope open at the await it waits at, outermost (the workflow's body) first. Each scope holds the
 * variables its block, loop header or {@code catch} clause declared, in declaration order, so the list is
 * the path of a tree from its root to the await.
 *
 * <pre>{@code
 * for (Variables.Scope scope : handle.variables().scopes())
 *     for (Variables.Variable v : scope.variables())
 *         System.out.println("  ".repeat(scope.depth()) + v.name() + " = " + v.json());
 * }</pre>
 *
 * @param scopes the open scopes that declare at least one variable, outermost first; empty when the
 *               execution has no checkpoint (it has not run yet, or it has ended)
 */
public record Variables(List<Scope> scopes) {

    /** No checkpoint: nothing to show. */
    public static final Variables NONE = new Variables(List.of());

    // Every non-ASCII character escaped, as in a checkpoint: a lone surrogate must survive the text.
    private static final JsonFactory JSON = Json.factory().rebuild().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    public Variables {
        scopes = List.copyOf(scopes);
    }

    /**
     * One open scope.
     *
     * @param depth     0 for the workflow's body, one more for each scope nested in it
     * @param variables its variables, in declaration order
     */
    public record Scope(int depth, List<Variable> variables) {
        public Scope {
            variables = List.copyOf(variables);
        }
    }

    /**
     * One variable and its value as JSON text, exactly as the checkpoint keeps it: numbers in their shortest
     * form, object keys in insertion order, a promise as {@code {"$promise": id}}, and an object whose keys
     * could be taken for that as {@code {"$entries": [[key, value], …]}}. A variable declared but not yet
     * assigned is {@code null}.
     */
    public record Variable(String name, String json) {}

    /**
     * The variables a checkpoint holds ({@code checkpoints.state}).
     *
     * @throws IllegalArgumentException when the text is not a checkpoint this version reads
     */
    public static Variables fromCheckpoint(String checkpointJson) {
        if (checkpointJson == null) {
            return NONE;
        }
        CheckpointState state = CheckpointCodec.read(checkpointJson);
        List<Scope> scopes = new ArrayList<>();
        for (Pos pos : state.path()) {
            if (pos.locals().isEmpty()) {
                continue; // a step that opens no scope (an if, an expression statement)
            }
            List<Variable> variables = new ArrayList<>();
            for (Map.Entry<String, Object> local : pos.locals().entrySet()) {
                variables.add(new Variable(local.getKey(), exact(local.getValue())));
            }
            scopes.add(new Scope(scopes.size(), variables));
        }
        return new Variables(scopes);
    }

    /** Whether there is nothing to show (no checkpoint, or no scope with a variable). */
    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    private static String exact(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            Json.writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

package dev.rondo.core.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.rondo.core.ast.Span;
import dev.rondo.core.internal.interp.CheckpointState;
import dev.rondo.core.internal.interp.PendingCompletion;
import dev.rondo.core.internal.interp.Pos;
import dev.rondo.core.internal.interp.PromiseEntry;
import dev.rondo.core.internal.interp.PromiseTable;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.Json;
import dev.rondo.core.value.PromiseRef;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkpoints to JSON text and back, exactly. The format:
 *
 * <pre>
 * {"format":1,
 *  "path":[{"pc":2,"locals":{"x":1}}, {"pc":0,"await":3}, {"pc":4,"items":[…]}, {"pc":2,"pending":{…}}],
 *  "promises":{"next":4,"seq":2,"entries":[{"id":0,"kind":"TASK","label":"charge","state":"FULFILLED","value":…,"seq":0}]},
 *  "keys":{…}, "inputs":…, "context":{…}, "cancelRequested":false, "cancelDelivered":false,
 *  "logBytes":120, "starts":3,
 *  "calls":[{"promise":5,"function":0,"path":[…]}]}
 * </pre>
 *
 * Values are written by {@link Json#writeValue}, which keeps them exact: a promise is
 * {@code {"$promise":id}}, an object whose keys could be mistaken for that is written as
 * {@code {"$entries":[[key, value], …]}}, numbers are Java's shortest round-trip text ({@code -0.0} kept).
 * Every non-ASCII character is escaped, so the text survives any storage, lone surrogates included.
 */
public final class CheckpointCodec {

    public static final int FORMAT = 1;

    // Flow values may nest deeper than Jackson's default limits allow; Json.factory() lifts them.
    private static final JsonFactory JSON = Json.factory().rebuild()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private CheckpointCodec() {}

    public static String write(CheckpointState state) {
        return write(state, Integer.MAX_VALUE);
    }

    /**
     * The checkpoint's text, or {@link TooLarge} as soon as it passes {@code maxChars} characters (which are
     * bytes: every non-ASCII character is escaped). Stops while writing: a value that shares its containers
     * can stand for gigabytes of text.
     */
    public static String write(CheckpointState state, int maxChars) {
        BoundedWriter out = new BoundedWriter(maxChars);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeArrayFieldStart("path");
            for (Pos pos : state.path()) {
                writePos(g, pos);
            }
            g.writeEndArray();
            writePromises(g, state.promises());
            g.writeObjectFieldStart("keys");
            for (Map.Entry<String, Integer> key : new java.util.TreeMap<>(state.keys()).entrySet()) {
                g.writeNumberField(key.getKey(), key.getValue());
            }
            g.writeEndObject();
            g.writeFieldName("inputs");
            writeValue(g, state.inputs());
            g.writeFieldName("context");
            writeValue(g, state.context());
            g.writeBooleanField("cancelRequested", state.cancelRequested());
            g.writeBooleanField("cancelDelivered", state.cancelDelivered());
            // Written only once used, so that the checkpoints of executions that print nothing stay as they were.
            if (state.tally().logBytes() > 0) {
                g.writeNumberField("logBytes", state.tally().logBytes());
            }
            if (state.tally().starts() > 0) {
                g.writeNumberField("starts", state.tally().starts());
            }
            if (!state.tally().attributeKeys().isEmpty()) {
                g.writeArrayFieldStart("attributeKeys");
                for (String key : state.tally().attributeKeys()) {
                    g.writeString(key);
                }
                g.writeEndArray();
            }
            // Written only when async calls wait, so that other checkpoints stay as they were.
            if (!state.calls().isEmpty()) {
                g.writeArrayFieldStart("calls");
                for (CheckpointState.Call call : state.calls()) {
                    g.writeStartObject();
                    g.writeNumberField("promise", call.promise());
                    g.writeNumberField("function", call.function());
                    g.writeArrayFieldStart("path");
                    for (Pos pos : call.path()) {
                        writePos(g, pos);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The checkpoint would be over the limit; {@code written} characters were written when it stopped. */
    public static final class TooLarge extends RuntimeException {
        private final long written;

        TooLarge(long written) {
            super(null, null, false, false);
            this.written = written;
        }

        public long written() {
            return written;
        }
    }

    /** A StringWriter that refuses to grow past a limit. */
    private static final class BoundedWriter extends StringWriter {
        private final int limit;

        BoundedWriter(int limit) {
            this.limit = limit;
        }

        private void room(int more) {
            long size = (long) getBuffer().length() + more;
            if (size > limit) {
                throw new TooLarge(size);
            }
        }

        @Override
        public void write(int c) {
            room(1);
            super.write(c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            room(length);
            super.write(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            room(length);
            super.write(text, offset, length);
        }

        @Override
        public void write(String text) {
            room(text.length());
            super.write(text);
        }
    }

    private static void writePos(JsonGenerator g, Pos pos) throws IOException {
        g.writeStartObject();
        g.writeNumberField("pc", pos.pc());
        switch (pos.extra()) {
            case null -> { }
            case PromiseRef ref -> g.writeNumberField("await", ref.id());
            case FlowArray items -> {
                g.writeFieldName("items");
                writeValue(g, items);
            }
            case PendingCompletion pending -> {
                g.writeObjectFieldStart("pending");
                g.writeNumberField("code", pending.code());
                g.writeBooleanField("throw", pending.isThrow());
                g.writeFieldName("value");
                writeValue(g, pending.value());
                if (pending.label() != null) {
                    g.writeStringField("label", pending.label());
                }
                if (pending.span() != null) {
                    g.writeFieldName("span");
                    writeSpan(g, pending.span());
                }
                g.writeEndObject();
            }
            default -> {
                g.writeFieldName("value");
                writeValue(g, pos.extra());
            }
        }
        if (!pos.locals().isEmpty()) {
            g.writeObjectFieldStart("locals");
            for (Map.Entry<String, Object> local : pos.locals().entrySet()) {
                g.writeFieldName(local.getKey());
                writeValue(g, local.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeSpan(JsonGenerator g, Span span) throws IOException {
        g.writeStartArray();
        g.writeNumber(span.line());
        g.writeNumber(span.column());
        g.writeNumber(span.endLine());
        g.writeNumber(span.endColumn());
        g.writeEndArray();
    }

    private static void writePromises(JsonGenerator g, PromiseTable table) throws IOException {
        g.writeObjectFieldStart("promises");
        g.writeNumberField("next", table.nextId());
        g.writeNumberField("seq", table.nextSeq());
        g.writeArrayFieldStart("entries");
        for (PromiseEntry entry : table.entries()) {
            g.writeStartObject();
            g.writeNumberField("id", entry.id());
            g.writeStringField("kind", entry.kind().name());
            if (entry.label() != null) {
                g.writeStringField("label", entry.label());
            }
            if (entry.detail() != null) {
                g.writeFieldName("detail");
                writeValue(g, entry.detail());
            }
            g.writeStringField("state", entry.state().name());
            if (entry.state() != PromiseEntry.State.PENDING) {
                g.writeFieldName("value");
                writeValue(g, entry.value());
                g.writeNumberField("seq", entry.seq());
            }
            if (entry.trace() != null) {
                g.writeArrayFieldStart("trace");
                for (String line : entry.trace()) {
                    g.writeString(line);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        Json.writeValue(g, value);
    }

    // ---- reading

    public static CheckpointState read(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            return new Reader(p).checkpoint();
        } catch (IOException e) {
            throw new IllegalArgumentException("The checkpoint is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Reads one checkpoint; every structural problem is an IllegalArgumentException naming the field. */
    private static final class Reader {
        private final JsonParser p;

        Reader(JsonParser p) {
            this.p = p;
        }

        CheckpointState checkpoint() throws IOException {
            expect(p.nextToken(), JsonToken.START_OBJECT, "checkpoint");
            List<Pos> path = null;
            PromiseTable promises = null;
            Map<String, Integer> keys = Map.of();
            Object inputs = null;
            FlowObject context = null;
            boolean cancelRequested = false;
            boolean cancelDelivered = false;
            long logBytes = 0;
            long starts = 0;
            List<String> attributeKeys = List.of();
            List<CheckpointState.Call> calls = List.of();
            int format = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "format" -> format = p.getIntValue();
                    case "path" -> path = path(t);
                    case "promises" -> promises = promises(t);
                    case "keys" -> keys = keys(t);
                    case "inputs" -> inputs = value(t);
                    case "context" -> context = value(t) instanceof FlowObject o ? o : null;
                    case "cancelRequested" -> cancelRequested = p.getBooleanValue();
                    case "cancelDelivered" -> cancelDelivered = p.getBooleanValue();
                    case "logBytes" -> logBytes = p.getLongValue();
                    case "starts" -> starts = p.getLongValue();
                    case "attributeKeys" -> attributeKeys = strings(t, "attributeKeys");
                    case "calls" -> calls = calls(t);
                    default -> throw new IllegalArgumentException("The checkpoint has an unknown field '" + field + "'.");
                }
            }
            if (format != FORMAT) {
                throw new IllegalArgumentException("The checkpoint has format " + format + "; this Rondo reads format " + FORMAT + ".");
            }
            if (path == null || promises == null) {
                throw new IllegalArgumentException("The checkpoint lacks its " + (path == null ? "path" : "promises") + ".");
            }
            return new CheckpointState(path, promises, keys, inputs, context, cancelRequested, cancelDelivered,
                    new CheckpointState.Tally(logBytes, starts, attributeKeys), calls);
        }

        private List<String> strings(JsonToken t, String field) throws IOException {
            expect(t, JsonToken.START_ARRAY, field);
            List<String> out = new ArrayList<>();
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                out.add(p.getText());
            }
            expect(p.currentToken(), JsonToken.END_ARRAY, field);
            return List.copyOf(out);
        }

        private List<CheckpointState.Call> calls(JsonToken t) throws IOException {
            expect(t, JsonToken.START_ARRAY, "calls");
            List<CheckpointState.Call> calls = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int promise = -1;
                int function = -1;
                List<Pos> path = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (field) {
                        case "promise" -> promise = p.getIntValue();
                        case "function" -> function = p.getIntValue();
                        case "path" -> path = path(v);
                        default -> throw new IllegalArgumentException("A checkpoint call has an unknown field '" + field + "'.");
                    }
                }
                if (promise < 0 || function < 0 || path == null || path.isEmpty()) {
                    throw new IllegalArgumentException("A checkpoint call lacks its promise, function or path.");
                }
                calls.add(new CheckpointState.Call(promise, function, path));
            }
            return calls;
        }

        private List<Pos> path(JsonToken t) throws IOException {
            expect(t, JsonToken.START_ARRAY, "path");
            List<Pos> path = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int pc = -1;
                Object extra = null;
                Map<String, Object> locals = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (field) {
                        case "pc" -> pc = p.getIntValue();
                        case "await" -> extra = new PromiseRef(p.getIntValue());
                        case "items" -> extra = value(v);
                        case "value" -> extra = value(v);
                        case "pending" -> extra = pending(v);
                        case "locals" -> {
                            expect(v, JsonToken.START_OBJECT, "locals");
                            locals = ((FlowObject) value(v)).view();
                        }
                        default -> throw new IllegalArgumentException("A checkpoint position has an unknown field '" + field + "'.");
                    }
                }
                path.add(new Pos(pc, extra, locals == null ? null : new LinkedHashMap<>(locals)));
            }
            return path;
        }

        private PendingCompletion pending(JsonToken t) throws IOException {
            expect(t, JsonToken.START_OBJECT, "pending");
            int code = 0;
            boolean isThrow = false;
            Object value = null;
            String label = null;
            Span span = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "code" -> code = p.getIntValue();
                    case "throw" -> isThrow = p.getBooleanValue();
                    case "value" -> value = value(v);
                    case "label" -> label = p.getText();
                    case "span" -> {
                        int[] n = new int[4];
                        for (int i = 0; i < 4; i++) {
                            p.nextToken();
                            n[i] = p.getIntValue();
                        }
                        p.nextToken();
                        span = new Span(n[0], n[1], n[2], n[3]);
                    }
                    default -> throw new IllegalArgumentException("A pending completion has an unknown field '" + field + "'.");
                }
            }
            return new PendingCompletion(code, isThrow, value, label, span);
        }

        private PromiseTable promises(JsonToken t) throws IOException {
            expect(t, JsonToken.START_OBJECT, "promises");
            int next = 0;
            long seq = 0;
            List<PromiseEntry> entries = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "next" -> next = p.getIntValue();
                    case "seq" -> seq = p.getLongValue();
                    case "entries" -> {
                        expect(v, JsonToken.START_ARRAY, "entries");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            entries.add(entry());
                        }
                    }
                    default -> throw new IllegalArgumentException("The promise table has an unknown field '" + field + "'.");
                }
            }
            return PromiseTable.restore(entries, next, seq);
        }

        private PromiseEntry entry() throws IOException {
            int id = -1;
            PromiseEntry.Kind kind = null;
            String label = null;
            Object detail = null;
            PromiseEntry.State state = PromiseEntry.State.PENDING;
            Object value = null;
            long seq = -1;
            List<String> trace = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "id" -> id = p.getIntValue();
                    case "kind" -> kind = PromiseEntry.Kind.valueOf(p.getText());
                    case "label" -> label = p.getText();
                    case "detail" -> detail = value(v);
                    case "state" -> state = PromiseEntry.State.valueOf(p.getText());
                    case "value" -> value = value(v);
                    case "seq" -> seq = p.getLongValue();
                    case "trace" -> {
                        expect(v, JsonToken.START_ARRAY, "trace");
                        trace = new ArrayList<>();
                        while (p.nextToken() == JsonToken.VALUE_STRING) {
                            trace.add(p.getText());
                        }
                    }
                    default -> throw new IllegalArgumentException("A promise has an unknown field '" + field + "'.");
                }
            }
            if (id < 0 || kind == null) {
                throw new IllegalArgumentException("A promise lacks its id or kind.");
            }
            PromiseEntry entry = PromiseEntry.restore(id, kind, label, detail, state, value, seq);
            entry.restoreTrace(trace);
            return entry;
        }

        private Map<String, Integer> keys(JsonToken t) throws IOException {
            expect(t, JsonToken.START_OBJECT, "keys");
            Map<String, Integer> keys = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                keys.put(key, p.getIntValue());
            }
            return keys;
        }

        /** A Flow value starting at the current token {@code t} (see {@link Json#readValue}). */
        Object value(JsonToken t) throws IOException {
            return Json.readValue(p);
        }

        private static void expect(JsonToken actual, JsonToken wanted, String what) {
            if (actual != wanted) {
                throw new IllegalArgumentException("The checkpoint's " + what + " should start with " + wanted + ", not " + actual + ".");
            }
        }
    }
}

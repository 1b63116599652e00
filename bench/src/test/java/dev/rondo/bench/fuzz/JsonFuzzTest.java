package dev.rondo.bench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Json;
import java.io.IOException;
import java.io.StringWriter;

/**
 * The JSON edges: {@code JSON.parse} of any text gives a value or the language's SyntaxError/RangeError;
 * a parsed value written and parsed again is the same value (compact and exact forms both); a checkpoint
 * of any text is refused with IllegalArgumentException (or the language's own error), never another
 * exception.
 */
class JsonFuzzTest {

    private static final Executable WAITING = Executable.compile("wait.flow", """
            let x = await Task.run("t", {a: [1, "two", null]})
            let y = await Timer.delay(1)
            return [x, y]
            """);

    @FuzzTest(maxDuration = "10s")
    void valuesRoundTripAndBadTextIsRefusedCleanly(FuzzedDataProvider data) throws IOException {
        String text = data.consumeRemainingAsString();
        Object value;
        try {
            value = Json.parse(text);
        } catch (FlowThrow refused) {
            String name = String.valueOf(FlowThrow.class.cast(refused).value() instanceof dev.rondo.core.value.FlowObject o ? o.get("name") : null);
            if (!name.equals("SyntaxError") && !name.equals("RangeError")) {
                throw new AssertionError("JSON.parse refused with " + name + ": " + refused.getMessage());
            }
            return;
        }
        String written = Json.write(value);
        assertEquals(written, Json.write(Json.parse(written)), "compact form round trip");
        StringWriter exact = new StringWriter();
        try (JsonGenerator generator = Json.factory().createGenerator(exact)) {
            Json.writeValue(generator, value);
        }
        try (JsonParser parser = Json.factory().createParser(exact.toString())) {
            parser.nextToken();
            assertEquals(written, Json.write(Json.readValue(parser)), "exact form round trip");
        }
    }

    /** A real checkpoint (at the first await of {@link #WAITING}), which the fuzzer damages. */
    private static final String CHECKPOINT = checkpointAtFirstAwait();

    private static String checkpointAtFirstAwait() {
        Execution execution = Execution.start(WAITING, new dev.rondo.core.value.FlowObject(),
                Execution.context("fuzz-1", "wait", "default", null, "2027-01-15T08:00:00.000Z"), Stepper.LIMITS);
        execution.run(java.util.List.of(), 0);
        return execution.checkpointJson();
    }

    @FuzzTest(maxDuration = "10s")
    void anyCheckpointTextIsRefusedCleanly(FuzzedDataProvider data) {
        // mostly a real checkpoint with a stretch replaced, so the codec is reached past the JSON syntax
        String text;
        if (data.consumeBoolean()) {
            text = data.consumeRemainingAsString();
        } else {
            int at = data.consumeInt(0, CHECKPOINT.length());
            int cut = data.consumeInt(0, 16);
            String insert = data.consumeRemainingAsString();
            text = CHECKPOINT.substring(0, at) + insert + CHECKPOINT.substring(Math.min(CHECKPOINT.length(), at + cut));
        }
        try {
            Execution.restore(WAITING, text, Stepper.LIMITS);
        } catch (IllegalArgumentException | FlowThrow refused) {
            // a clean refusal
        }
    }
}

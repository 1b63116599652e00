package dev.rondo.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Json;

/**
 * Checks JSON handed to Rondo (inputs, signal payloads; the command line's too) and gives its exact
 * canonical text. The rules are the engine's: at most {@link Limits#payloadLimitText() 4 MiB} of UTF-8,
 * nested to any depth, numbers within the range of a double (JSON has no Infinity), and no NUL character
 * (U+0000) in any string or key ({@link StoredText}).
 */
public final class Payloads {

    private Payloads() {}

    /**
     * The compact JSON text of {@code json}, key order kept; {@link RondoException.InvalidPayload} saying what
     * is wrong and where when it breaks a rule. {@code what} names it in messages ({@code "workflow input"}).
     */
    public static String normalize(String json, String what) {
        if (Limits.DEFAULTS.payloadTooLarge(json)) {
            throw new RondoException.InvalidPayload("The " + what + " is larger than the "
                    + Limits.DEFAULTS.payloadLimitText() + " limit.");
        }
        Object value;
        String text;
        try {
            value = Json.parse(json);
            text = Json.write(value);
        } catch (FlowThrow e) {
            if (e.value() instanceof FlowObject error && "RangeError".equals(error.get("name"))) {
                throw new RondoException.InvalidPayload("The " + what + " holds a number out of range: " + messageOf(e)
                        + " JSON numbers here must fit a double (at most about 1.8e308).");
            }
            throw new RondoException.InvalidPayload("The " + what + " is not valid JSON: " + messageOf(e));
        }
        String problem = StoredText.jsonProblem(what, text, value);
        if (problem != null) {
            throw new RondoException.InvalidPayload(problem);
        }
        return text;
    }

    /**
     * {@code value} written as JSON by {@code mapper}, then checked as {@link #normalize} checks text; an
     * {@link RondoException.InvalidPayload} naming the value's class when Jackson cannot write it (no
     * getters, a cycle, a serializer that throws), before anything reaches the database.
     */
    public static String write(ObjectMapper mapper, Object value, String what) {
        String json;
        try {
            json = mapper.writeValueAsString(value);
        } catch (JsonProcessingException | RuntimeException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new RondoException.InvalidPayload("The " + what + " (a " + value.getClass().getName()
                    + ") cannot be written as JSON: " + message, e);
        }
        return normalize(json, what);
    }

    /** The error's own sentence, without the Flow error name ({@code SyntaxError: }) a Java caller has no use for. */
    private static String messageOf(FlowThrow e) {
        return e.value() instanceof FlowObject error && error.get("message") instanceof String message ? message : e.getMessage();
    }
}

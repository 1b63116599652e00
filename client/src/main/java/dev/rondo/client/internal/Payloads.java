package dev.rondo.client.internal;

import dev.rondo.client.RondoException;
import dev.rondo.core.Limits;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Json;

/** Checks JSON handed to Rondo (inputs, signal payloads) and gives its exact canonical text. */
public final class Payloads {

    private Payloads() {}

    /** The compact JSON text of {@code json}, key order kept; not JSON or over 4 MiB is {@link RondoException.InvalidPayload}. */
    public static String normalize(String json, String what) {
        if (Limits.DEFAULTS.payloadTooLarge(json)) {
            throw new RondoException.InvalidPayload("The " + what + " is larger than the "
                    + Limits.DEFAULTS.payloadLimitText() + " limit.");
        }
        try {
            return Json.write(Json.parse(json));
        } catch (FlowThrow e) {
            throw new RondoException.InvalidPayload("The " + what + " is not valid JSON: " + e.getMessage());
        }
    }
}

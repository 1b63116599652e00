package dev.rondo.client.internal;

import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an execution's stored attributes (a jsonb object of strings) back into a map. */
public final class AttributesJson {

    private AttributesJson() {}

    public static Map<String, String> read(String json) {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (Json.parse(json) instanceof FlowObject object) {
            for (String key : object.keys()) {
                out.put(key, String.valueOf(object.get(key)));
            }
        }
        return Collections.unmodifiableMap(out);
    }
}

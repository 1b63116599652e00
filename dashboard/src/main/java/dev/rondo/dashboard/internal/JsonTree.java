package dev.rondo.dashboard.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.value.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * A JSON value as a tree of {@code <details>} elements (folding works without script). Bounded: deeper than
 * {@link #MAX_DEPTH} levels or past {@link #MAX_NODES} values it shows an ellipsis, and long strings are cut,
 * so that a 4 MiB payload cannot make a page of hundreds of megabytes.
 */
final class JsonTree {

    static final int MAX_DEPTH = 32;
    static final int MAX_NODES = 2_000;
    static final int MAX_STRING = 2_000;
    /** Flow values nest deeper than Jackson's defaults allow; Json.factory() lifts the limits (a copy: a mapper sets its codec). */
    private static final ObjectMapper MAPPER = new ObjectMapper(Json.factory().copy());

    private int nodes;

    private JsonTree() {}

    /** {@code json} as a tree; text that is not JSON is shown as it is. */
    static void render(Html h, String json) {
        if (json == null) {
            h.raw("<span class=\"json-null\">none</span>");
            return;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            h.el("code", null, json.length() > MAX_STRING ? json.substring(0, MAX_STRING) + "…" : json);
            return;
        }
        h.raw("<div class=\"json\">");
        new JsonTree().value(h, node, 0);
        h.raw("</div>");
    }

    private void value(Html h, JsonNode node, int depth) {
        if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
            h.raw("<span class=\"json-more\">…</span>");
            return;
        }
        if (node.isObject() && node.size() == 1 && node.has("$promise")) {
            h.raw("<span class=\"json-promise\">promise #").text(node.get("$promise").asText()).raw("</span>");
        } else if (node.isObject()) {
            if (node.isEmpty()) {
                h.raw("<span class=\"json-empty\">{}</span>");
                return;
            }
            h.raw("<details").raw(depth < 2 ? " open" : "").raw("><summary>{").text(node.size()).raw(node.size() == 1 ? " key" : " keys")
                    .raw("}</summary><ul>");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext() && nodes <= MAX_NODES; ) {
                Map.Entry<String, JsonNode> e = it.next();
                h.raw("<li><span class=\"json-key\">").text(e.getKey()).raw("</span>: ");
                value(h, e.getValue(), depth + 1);
                h.raw("</li>");
            }
            h.raw("</ul></details>");
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                h.raw("<span class=\"json-empty\">[]</span>");
                return;
            }
            h.raw("<details").raw(depth < 2 ? " open" : "").raw("><summary>[").text(node.size()).raw(node.size() == 1 ? " item" : " items")
                    .raw("]</summary><ol start=\"0\">");
            for (int i = 0; i < node.size() && nodes <= MAX_NODES; i++) {
                h.raw("<li>");
                value(h, node.get(i), depth + 1);
                h.raw("</li>");
            }
            h.raw("</ol></details>");
        } else if (node.isTextual()) {
            String s = node.asText();
            h.raw("<span class=\"json-string\">\"").text(s.length() > MAX_STRING ? s.substring(0, MAX_STRING) + "…" : s).raw("\"</span>");
        } else if (node.isNumber()) {
            h.raw("<span class=\"json-number\">").text(node.asText()).raw("</span>");
        } else if (node.isBoolean()) {
            h.raw("<span class=\"json-boolean\">").text(node.asText()).raw("</span>");
        } else {
            h.raw("<span class=\"json-null\">null</span>");
        }
    }
}

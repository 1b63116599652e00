package dev.rondo.core.internal.codec;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;

/** Where a reader or writer stands in a document, as a path such as {@code $.body[2].test.left}. */
final class JsonPaths {

    private static final int SHOWN_AT_EACH_END = 20;

    private JsonPaths() {}

    /** The path of the value just read by a parser whose context is {@code context}. */
    static String ofParser(JsonStreamContext context) {
        return describe(context, false);
    }

    /** The path of the value a generator whose context is {@code context} is about to write. */
    static String ofGenerator(JsonStreamContext context) {
        return describe(context, true);
    }

    private static String describe(JsonStreamContext innermost, boolean writing) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = innermost; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                segments.push("." + c.getCurrentName());
            } else if (c.inArray()) {
                // A generator counts an array entry once it is written; the next one is at index entryCount.
                if (writing && c == innermost) {
                    segments.push("[" + c.getEntryCount() + "]");
                } else if (c.hasCurrentIndex()) {
                    segments.push("[" + c.getCurrentIndex() + "]");
                }
            }
        }
        StringBuilder path = new StringBuilder("$");
        int index = 0;
        for (String segment : segments) {
            // A path into a very deep tree keeps its ends, which say where to look, and shortens its middle.
            if (index == SHOWN_AT_EACH_END && segments.size() > 2 * SHOWN_AT_EACH_END) {
                path.append("...<").append(segments.size() - 2 * SHOWN_AT_EACH_END).append(" more>");
            }
            if (index < SHOWN_AT_EACH_END || index >= segments.size() - SHOWN_AT_EACH_END) {
                path.append(segment);
            }
            index++;
        }
        return path.toString();
    }
}

package dev.rondo.core.internal.compiler;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The largest {@code .flow} file the compiler accepts. Every deployed file is stored (with its compiled
 * form) in PostgreSQL and loaded by workers, and a workflow is orchestration code, so 1 MiB is generous;
 * the limit also keeps the compiler's time and memory small and predictable.
 */
public final class SourceLimits {

    /** 1 MiB of UTF-8. */
    public static final int MAX_BYTES = 1 << 20;

    private SourceLimits() {}

    /** The error for a file of {@code bytes} bytes, or {@code null} when the size is fine. */
    public static String sizeError(long bytes) {
        if (bytes <= MAX_BYTES) {
            return null;
        }
        return String.format(Locale.ROOT, "The file is %,d bytes; a .flow file may be at most %,d bytes (1 MiB).",
                bytes, MAX_BYTES);
    }

    /** The size of {@code text} in UTF-8, counted only as far as needed to compare it with the limit. */
    static long utf8Size(String text) {
        if ((long) text.length() * 3 <= MAX_BYTES) {
            return text.length(); // small enough whatever it holds; the exact size does not matter
        }
        if (text.length() > MAX_BYTES) {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
        long size = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            size += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return size;
    }
}

package dev.rondo.core;

import dev.rondo.core.internal.compiler.SourceLimits;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Turns the bytes of a {@code .flow} file into its text. A file must be UTF-8 (a byte order mark at the
 * start is allowed and dropped) and at most {@link #MAX_BYTES} bytes; anything else is reported as a
 * {@link Diagnostic} with the line and column of the problem, never as an exception.
 *
 * <pre>{@code
 * SourceFiles.Decoded source = SourceFiles.decode("orders/refund.flow", Files.readAllBytes(path));
 * if (!source.ok()) source.diagnostics().forEach(System.err::println);
 * }</pre>
 *
 * {@link FlowCompiler#compile(String, byte[])} does this before compiling.
 */
public final class SourceFiles {

    /** The largest file accepted: 1 MiB. */
    public static final int MAX_BYTES = SourceLimits.MAX_BYTES;

    /** The text, or {@code null} and the reason it could not be read. */
    public record Decoded(String text, List<Diagnostic> diagnostics) {

        public Decoded {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean ok() {
            return diagnostics.isEmpty();
        }
    }

    private SourceFiles() {}

    public static Decoded decode(String file, byte[] bytes) {
        String tooLarge = SourceLimits.sizeError(bytes.length);
        if (tooLarge != null) {
            return failure(file, 1, 1, tooLarge);
        }
        int start = hasByteOrderMark(bytes) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start); // UTF-16 never needs more units than UTF-8 bytes
        CoderResult result = decoder.decode(in, out, false);
        if (result.isError() || in.hasRemaining()) {
            // an error, or an underflow with bytes left: a character cut off by the end of the file
            out.flip();
            return invalid(file, out.toString(), bytes, result.isError() ? in.position() : bytes.length);
        }
        decoder.decode(in, out, true);
        decoder.flush(out);
        out.flip();
        return new Decoded(out.toString(), List.of());
    }

    /** Reports the byte at {@code offset}, placed after the text decoded before it. */
    private static Decoded invalid(String file, String before, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == before.length() || before.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = before.length() - lineStart + 1;
        String message = offset >= bytes.length
                ? "The file is not valid UTF-8: it ends in the middle of a character."
                : String.format(Locale.ROOT, "The file is not valid UTF-8 (byte 0x%02X); save it as UTF-8.",
                        bytes[offset] & 0xFF);
        return failure(file, line, column, message);
    }

    private static boolean hasByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static Decoded failure(String file, int line, int column, String message) {
        return new Decoded(null, List.of(new Diagnostic(file, line, column, message)));
    }
}

package dev.rondo.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names {@code rondo run} deploys and starts a file under on the engine: a queue {@code rondo-run-<8 hex>}
 * of its own and a workflow {@code <that queue>/x<the file's stem, escaped>}, so a run never replaces the
 * version other starts get and accepts any file name ({@code 01_arith.flow}, {@code my file.flow}). Inside
 * the run, {@code Context.workflow} is the file's stem and {@code Context.queue} is {@code default}, as the
 * user expects and as {@code --in-process} gives: {@link Execution#context} shows them through
 * {@link #shownWorkflow} and {@link #shownQueue}. The prefix {@code rondo-run-} is reserved for these runs.
 */
public final class RunNames {

    private static final Pattern QUEUE = Pattern.compile("rondo-run-[0-9a-f]{8}");
    private static final Pattern WORKFLOW = Pattern.compile("rondo-run-[0-9a-f]{8}/x([A-Za-z0-9_-]*)");

    private RunNames() {}

    /** The private queue of a run, from 32 random bits. */
    public static String queue(int random) {
        return "rondo-run-" + HexFormat.of().toHexDigits(random);
    }

    /**
     * The private workflow name of {@code stem} on {@code queue}: a valid workflow name whatever the stem
     * holds; letters, digits and {@code -} stay as they are, any other byte of its UTF-8 becomes {@code _} and
     * two hex digits.
     */
    public static String workflow(String queue, String stem) {
        StringBuilder name = new StringBuilder(queue).append("/x");
        for (byte b : stem.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-')) {
                name.append(c);
            } else {
                name.append('_').append(HexFormat.of().toHexDigits(b));
            }
        }
        return name.toString();
    }

    /** The stem a private run name stands for; any other name as it is. */
    public static String shownWorkflow(String name) {
        Matcher m = name == null ? null : WORKFLOW.matcher(name);
        if (m == null || !m.matches()) {
            return name;
        }
        String escaped = m.group(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '_' && i + 2 < escaped.length()) {
                bytes.write(HexFormat.fromHexDigits(escaped, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** {@code default} for a run's private queue; any other queue as it is. */
    public static String shownQueue(String queue) {
        return queue != null && QUEUE.matcher(queue).matches() ? "default" : queue;
    }
}

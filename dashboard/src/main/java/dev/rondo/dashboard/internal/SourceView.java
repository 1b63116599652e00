package dev.rondo.dashboard.internal;

/** A {@code .flow} source with numbered lines, the line the execution waits at (or failed at) marked. */
final class SourceView {

    private SourceView() {}

    /** The line of a {@code file:line:col} position, or 0. */
    static int lineOf(String position) {
        if (position == null) {
            return 0;
        }
        String[] parts = position.split(":");
        if (parts.length < 3) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[parts.length - 2]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code mark} is the class of the marked line ({@code waiting} or {@code failed}), {@code line} 0 for none. */
    static void render(Html h, String source, int line, String mark, String note) {
        if (source == null) {
            h.raw("<p class=\"empty\">The source of this version is not stored.</p>");
            return;
        }
        String[] lines = source.split("\\R", -1);
        h.raw("<pre class=\"source\"><code>");
        for (int n = 1; n <= lines.length; n++) {
            if (n == lines.length && lines[n - 1].isEmpty()) {
                break; // the newline that ends the file
            }
            boolean marked = n == line;
            h.raw("<span class=\"line").raw(marked ? " " + mark : "").raw("\"").raw(marked ? " id=\"marked-line\"" : "")
                    .raw(" data-line=\"").text(n).raw("\"><span class=\"n\">").text(n).raw("</span>").text(lines[n - 1]);
            if (marked && note != null) {
                h.raw("<span class=\"note\">").text(note).raw("</span>");
            }
            h.raw("</span>"); // a block each: no newline between, or the pre would show blank lines
        }
        h.raw("</code></pre>");
    }
}

package dev.rondo.dashboard.internal;

/**
 * HTML built in Java, escaped by default: {@link #text} escapes, {@link #raw} is for markup this package
 * wrote itself. Pages are rendered this way rather than by a template engine so that a page is type-checked
 * by javac with the code that feeds it, and the jar needs no template compiler or generated sources.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(8192);

    /** Escaped text (element content and attribute values alike: quotes are escaped too). */
    Html text(Object value) {
        out.append(escape(value == null ? "" : String.valueOf(value)));
        return this;
    }

    /** Markup written by this package; never user data. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** {@code <tag class="cls">} + escaped text + {@code </tag>}. */
    Html el(String tag, String cls, Object text) {
        out.append('<').append(tag);
        if (cls != null) {
            out.append(" class=\"").append(cls).append('"');
        }
        out.append('>');
        text(text);
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <a href="href">text</a>}, both escaped. */
    Html link(String href, Object text) {
        out.append("<a href=\"").append(escape(href)).append("\">");
        text(text);
        out.append("</a>");
        return this;
    }

    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

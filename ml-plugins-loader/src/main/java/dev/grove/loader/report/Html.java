package dev.grove.loader.report;

/** Escaping for text placed in HTML and SVG, so nothing a run wrote can break or script a page. */
final class Html {

    private Html() {
    }

    /** {@code text} with the five characters that mean something in markup replaced by entities. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A section with a heading, its {@code id} usable as an anchor. */
    static String section(String id, String heading, String body) {
        return "<section id=\"" + escape(id) + "\">\n<h2>" + escape(heading) + "</h2>\n" + body + "</section>\n";
    }

    /** A note in smaller, muted type: why something is missing, what a chart shows. */
    static String note(String text) {
        return "<p class=\"note\">" + escape(text) + "</p>\n";
    }

    /** Preformatted text (a config file, a tree's rules). */
    static String pre(String text) {
        return "<pre>" + escape(text) + "</pre>\n";
    }
}

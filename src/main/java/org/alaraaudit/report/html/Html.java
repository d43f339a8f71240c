package org.alaraaudit.report.html;

/** Text from the input or the run, escaped for HTML text and attribute values: it shows as written, never as markup. */
final class Html {
    private Html() {}

    static String text(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                // A NUL or other C0 control is not allowed in an HTML document; shown as its code, like the console does.
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }
}

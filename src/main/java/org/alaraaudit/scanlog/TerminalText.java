package org.alaraaudit.scanlog;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text from an input file made safe for a terminal or a log: control characters (C0, DEL, C1), line and
 * paragraph separators and the bidi overrides are written as escapes ({@code \n}, {@code \u001b}). A scan-log
 * cell can hold anything; printed raw, an escape sequence could repaint the screen, a line break could forge a
 * line of the summary, and a right-to-left override could make a value read as another.
 */
public final class TerminalText {
    private TerminalText() {}

    public static String escape(String s) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length() && !needsEscape(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!needsEscape(c)) {
                b.append(c);
                continue;
            }
            switch (c) {
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default: b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || isBidiControl(c);
    }

    /** The characters that reorder text on screen (LRM, RLM, ALM, the embeddings, overrides and isolates). */
    private static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * A writer onto {@code out} that escapes every control character printed through it except the line feed:
     * for messages that are several lines by design ({@code printf("%n")} included), whose quoted values were
     * escaped where the message was made ({@link Rejection#message()}).
     */
    public static PrintWriter escaping(Writer out) {
        return new PrintWriter(out) {
            @Override
            public void write(String s, int off, int len) {
                String text = s.substring(off, off + len);
                String e = String.join("\n", java.util.Arrays.stream(text.split("\n", -1)).map(TerminalText::escape).toList());
                super.write(e, 0, e.length());
            }

            @Override
            public void write(char[] buf, int off, int len) {
                write(new String(buf, off, len), 0, len);
            }

            @Override
            public void write(int c) {
                write(String.valueOf((char) c), 0, 1);
            }
        };
    }
}

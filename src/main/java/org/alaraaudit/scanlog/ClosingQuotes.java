package org.alaraaudit.scanlog;

import java.io.IOException;
import java.io.Reader;

/**
 * The scan log's rule for what may follow a closing quote, applied to the text before the parser sees it. Spaces
 * (any character Java counts as whitespace, U+3000 included) between a closing quote and the separator or the end
 * of the line are dropped, so {@code "Smith, J" ,} is the cell {@code Smith, J} as it always was; any other text
 * there is an error. The parser refuses such text too, but names only the line its record starts on: this reader
 * notes the line of the text itself, which is the line a reviewer must fix when the quoted field spans lines.
 *
 * <p>A quote opens a field only as its first character (after a separator, a line break or nothing); inside an
 * unquoted cell ({@code 5"}) it is text. Line breaks are counted as the parser counts them: CR, LF and CR LF
 * are one each.
 */
final class ClosingQuotes extends Reader {
    /** Outside quotes: a quote here opens a field only if the character before it ends a field. */
    private static final int UNQUOTED = 0;
    private static final int QUOTED = 1;
    /** A quote inside a quoted field: the next character tells a doubled quote from the closing one. */
    private static final int QUOTE_IN_QUOTED = 2;
    /** After a closing quote and any spaces since it. */
    private static final int CLOSED = 3;
    /** Text followed a closing quote: the parser stops at it, so the rest is handed on as it is. */
    private static final int STOPPED = 4;

    private final Reader in;
    private final char delimiter;
    private int state = UNQUOTED;
    /** The last character of the text read so far; before the first, a line break, which starts a field. */
    private char previous = '\n';
    private long lineBreaks;
    private long textAfterClosingQuote = -1;

    ClosingQuotes(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The line of the first text that follows a closing quote in what was read so far; -1 if there was none. */
    long textAfterClosingQuoteLine() { return textAfterClosingQuote; }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (true) {
            int n = in.read(buf, off, len);
            if (n < 0 || state == STOPPED) return n;
            int kept = keep(buf, off, off + n) - off;
            // Only spaces after a closing quote were read: read on rather than hand back nothing.
            if (kept > 0) return kept;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Applies the rule to {@code buf[from, to)} ({@code to > from}) in place; returns the end of what is kept. */
    private int keep(char[] buf, int from, int to) {
        // Locals, not fields, in the loop every character passes through.
        int s = state;
        long breaks = lineBreaks;
        int w = from;
        int r = from;
        while (r < to) {
            if (s == STOPPED) {
                System.arraycopy(buf, r, buf, w, to - r);
                w += to - r;
                break;
            }
            if (s == UNQUOTED || s == QUOTED) {
                // Ordinary text passes as it is, in place while nothing was dropped. Only a quote and a line break
                // matter here (and any control character at or below CR stops the scan, to be looked at).
                int text = r;
                for (char c; r < to && (c = buf[r]) != '"' && c > '\r'; ) r++;
                if (w != text) System.arraycopy(buf, text, buf, w, r - text);
                w += r - text;
                if (r == to) break;
            }
            char c = buf[r];
            // The character read before this one; a dropped space or a kept character, never overwritten yet.
            char before = r > from ? buf[r - 1] : previous;
            if (s == UNQUOTED) {
                if (c == '"') {
                    if (before == delimiter || before == '\n' || before == '\r') s = QUOTED;
                } else if (c == '\r' || c == '\n' && before != '\r') {
                    breaks++;
                }
            } else if (s == QUOTED) {
                if (c == '"') s = QUOTE_IN_QUOTED;
                else if (c == '\r' || c == '\n' && before != '\r') breaks++;
            } else if (s == QUOTE_IN_QUOTED && c == '"') {
                s = QUOTED;
            } else {
                // The first character after a closing quote, or after the spaces that followed one.
                if (c == delimiter) {
                    s = UNQUOTED;
                } else if (c == '\r' || c == '\n') {
                    // Only a quote or a space stands before it here, never a CR: a break of its own.
                    breaks++;
                    s = UNQUOTED;
                } else if (Character.isWhitespace(c)) {
                    s = CLOSED;
                    r++;
                    continue;
                } else {
                    textAfterClosingQuote = breaks + 1;
                    // A quote here follows dropped spaces; without them the parser would read it as a doubled
                    // quote and read on. A space stands in for it, so that the parser, too, stops at this field.
                    if (c == '"') c = ' ';
                    s = STOPPED;
                }
            }
            buf[w++] = c;
            r++;
        }
        state = s;
        lineBreaks = breaks;
        previous = buf[to - 1];
        return w;
    }
}

package org.alaraaudit.scanlog;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The scan log's rules for quotes, applied to the text before the parser sees it.
 *
 * <p>Spaces (any character Java counts as whitespace, U+3000 included) between a closing quote and the separator or
 * the end of the line are dropped, so {@code "Smith, J" ,} is the cell {@code Smith, J} as it always was.
 *
 * <p>A stray quote is set aside rather than let to stop the run or swallow rows. A quote that opens a field is
 * stray when the field runs over a line that reads as a whole row (as many separators as the header), when it
 * closes with text after the closing quote ({@code "PED" HEAD}, or a line further on at the next quoted field), or,
 * at the end of the file, when it never closes. Then the record it opened in, up to the end of the line the quote
 * is on, is handed on as empty lines (so line numbers stay those of the file) and kept as a {@link Stray} for the
 * reader to reject; the text after that line is read again from its start, as rows. Only a quote in the header,
 * whose separators are not known yet, stops the reading as before: there is no row to set aside, nor a line to
 * trust as a row. A file of one column has no line that reads as a row rather than text, so its quotes stop the
 * reading too. Free text with a line break whose next line happens to hold exactly the header's separators would
 * be taken for a stray quote; a stray quote is the far likelier cause.
 *
 * <p>Every decision rests on the text from the start of the record to the point where it is made (the end of the
 * file for a quote never closed), so a chunk of the file that starts on a record boundary decides as a reading of
 * the whole file does ({@link CsvChunks}). A record is held until it ends; only whole records are handed on, which
 * costs a copy of the text into the parser's buffer and nothing per row.
 *
 * <p>A quote opens a field only as its first character (after a separator, a line break or nothing); inside an
 * unquoted cell ({@code 5"}) it is text. Line breaks are counted as the parser counts them: CR, LF and CR LF are one
 * each.
 */
final class ClosingQuotes extends Reader {
    private static final int UNQUOTED = 0;
    private static final int QUOTED = 1;
    /** A quote inside a quoted field: the next character tells a doubled quote from the closing one. */
    private static final int QUOTE_IN_QUOTED = 2;
    /** After a closing quote and any spaces since it. */
    private static final int CLOSED = 3;
    /** Text followed a field's closing quote on the line it opened on: to the end of that line, set aside. */
    private static final int TO_LINE_END = 4;
    /** As {@link #TO_LINE_END}, just after a CR: an LF next is part of the same line break. */
    private static final int TO_LINE_END_CR = 5;
    /** Text followed a closing quote in the header: the parser stops at it, so the rest is handed on as it is. */
    private static final int STOPPED = 6;

    /** Why a quote is taken for a stray. */
    enum Why {
        /** Its field runs over a line that reads as a whole row. */
        RUNS_OVER_A_ROW,
        /** Its field closes with text after the closing quote. */
        TEXT_AFTER_ITS_CLOSE,
        /** Its field runs to the end of the file. */
        NEVER_CLOSED
    }

    /**
     * A record set aside for a stray quote: its first {@code line}, the line of the {@code quote}, why it is taken for
     * a stray and on which line that shows ({@code at}), and the record's {@code text} up to the end of the quote's
     * line, as written. Lines are counted from the start of this text.
     */
    record Stray(long line, long quote, Why why, long at, String text) {}

    private final Reader in;
    private final char delimiter;
    /** The text ends where the file ends (false for a chunk of the file with more after it). */
    private final boolean endsFile;
    /** Separators of a whole row: the header's; -1 until the header has been read. */
    private int separators;

    private char[] buf = new char[1 << 16];
    /** {@code [start, ready)} may be handed on; {@code [ready, pos)} is the record being held; {@code [pos, end)} unread. */
    private int start;
    private int ready;
    private int pos;
    private int end;
    private boolean inputEnded;
    /** The character before {@code buf[0]}; before the first, a line break, which starts a field. */
    private char previous = '\n';
    private int state = UNQUOTED;
    /** Line breaks before {@link #pos}, and before {@link #ready} (where the record being held starts). */
    private long lineBreaks;
    private long breaksAtReady;

    /** The quoted field opened last: its opening quote's index and line, the end of that line (-1: still on it). */
    private long openLine;
    private int openLineEnd = -1;
    /** The start of the quoted field's current line, once it ran over a line. */
    private int fieldLineStart;
    /** In the record being held, the closing quote of a field that ran over lines (-1: none), and what it closed. */
    private int closedAt = -1;
    private int closedLineStart;
    private long closedLine;
    private long closedOpenLine;
    private int closedOpenLineEnd;
    /** The record being held has spaces after a closing quote, dropped when it is handed on. */
    private boolean spacesAfterQuote;

    private long textAfterClosingQuote = -1;
    private final Deque<Stray> strays = new ArrayDeque<>();

    /** A whole file, whose header is its first record. */
    ClosingQuotes(Reader in, char delimiter) {
        this(in, delimiter, -1, true);
    }

    /**
     * @param separators the header's separators when the text has no header (a later chunk of a file); -1: the
     *                   first record is the header
     * @param endsFile   whether the text runs to the end of the file: only there is a quote never closed a stray
     */
    ClosingQuotes(Reader in, char delimiter, int separators, boolean endsFile) {
        this.in = in;
        this.delimiter = delimiter;
        this.separators = separators;
        this.endsFile = endsFile;
    }

    /** The line of the text that follows a closing quote in the header; -1 if there was none. */
    long textAfterClosingQuoteLine() { return textAfterClosingQuote; }

    /** The records set aside for stray quotes and not yet taken, in line order. */
    Deque<Stray> strays() { return strays; }

    @Override
    public int read(char[] into, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (start == ready) {
            if (inputEnded) return -1;
            fill();
            scan();
            if (inputEnded) atEnd();
        }
        int n = Math.min(len, ready - start);
        System.arraycopy(buf, start, into, off, n);
        start += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads more text after {@link #end}, making room by dropping what was handed on, or by growing. */
    private void fill() throws IOException {
        if (buf.length - end < buf.length / 4) {
            if (start > 0) {
                previous = buf[start - 1];
                System.arraycopy(buf, start, buf, 0, end - start);
                shift(-start);
            }
            if (buf.length - end < buf.length / 4) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) inputEnded = true;
        else end += n;
    }

    /** Moves every index into the buffer by {@code by}. */
    private void shift(int by) {
        start += by;
        ready += by;
        pos += by;
        end += by;
        if (openLineEnd >= 0) openLineEnd += by;
        fieldLineStart += by;
        if (closedAt >= 0) {
            closedAt += by;
            closedLineStart += by;
            closedOpenLineEnd += by;
        }
    }

    /** Applies the rules to {@code buf[pos, end)}. */
    private void scan() {
        while (pos < end) {
            int s = state;
            if (s == STOPPED) {
                pos = end;
                ready = end;
                return;
            }
            if (s == UNQUOTED || s == QUOTED || s == TO_LINE_END) {
                // Ordinary text, most of a scan log, passes as it is: only a quote and a line break matter here (and
                // any control character at or below CR stops the scan, to be looked at).
                char[] b = buf;
                int r = pos;
                int to = end;
                for (char c; r < to && (c = b[r]) != '"' && c > '\r'; ) r++;
                pos = r;
                if (r == to) return;
            }
            char c = buf[pos];
            char before = pos > 0 ? buf[pos - 1] : previous;
            switch (s) {
                case UNQUOTED:
                    pos++;
                    if (c == '"') {
                        if (before == delimiter || before == '\n' || before == '\r') open();
                    } else if (c == '\n' && before == '\r') {
                        ready = pos;
                    } else if (c == '\r' || c == '\n') {
                        lineBreaks++;
                        recordEnd(pos);
                    }
                    break;
                case QUOTED:
                    pos++;
                    if (c == '"') {
                        state = QUOTE_IN_QUOTED;
                    } else if (c == '\n' && before == '\r') {
                        if (openLineEnd == pos - 1) openLineEnd = pos;
                        if (fieldLineStart == pos - 1) fieldLineStart = pos;
                    } else if (c == '\r' || c == '\n') {
                        lineBreaks++;
                        lineInQuotes();
                    }
                    break;
                case QUOTE_IN_QUOTED:
                    if (c == '"') {
                        state = QUOTED;
                        pos++;
                        break;
                    }
                    closed(pos - 1);
                    break;
                case CLOSED:
                    afterClosingQuote(c);
                    break;
                case TO_LINE_END:
                    pos++;
                    if (c == '\r') state = TO_LINE_END_CR;
                    else if (c == '\n') setAside(pos, Why.TEXT_AFTER_ITS_CLOSE, openLine);
                    break;
                default:
                    // TO_LINE_END_CR: the line ended with a CR, and an LF next is part of its line break.
                    if (c == '\n') pos++;
                    setAside(pos, Why.TEXT_AFTER_ITS_CLOSE, openLine);
                    break;
            }
        }
    }

    /** A quote opens a field at {@code pos - 1}. */
    private void open() {
        state = QUOTED;
        openLine = lineBreaks + 1;
        openLineEnd = -1;
    }

    /** A line break inside a quoted field, just before {@link #pos}. */
    private void lineInQuotes() {
        if (openLineEnd < 0) {
            openLineEnd = pos;
        } else if (separators >= 1 && count(fieldLineStart, pos - 1) == separators) {
            setAside(openLineEnd, Why.RUNS_OVER_A_ROW, lineBreaks);
            return;
        }
        fieldLineStart = pos;
    }

    /** The quote at {@code at} closed a field; {@code buf[pos]} is the character after it. */
    private void closed(int at) {
        state = CLOSED;
        if (openLineEnd >= 0) {
            closedAt = at;
            closedLineStart = fieldLineStart;
            closedLine = lineBreaks + 1;
            closedOpenLine = openLine;
            closedOpenLineEnd = openLineEnd;
        }
    }

    private void afterClosingQuote(char c) {
        if (c == delimiter) {
            state = UNQUOTED;
            pos++;
        } else if (c == '\r' || c == '\n') {
            // Only a quote or a space stands before it here, never a CR: a line break of its own.
            state = UNQUOTED;
            pos++;
            lineBreaks++;
            recordEnd(pos);
        } else if (Character.isWhitespace(c)) {
            spacesAfterQuote = true;
            pos++;
        } else if (separators < 1) {
            // In the header: the parser stops at this text and says where, with this line.
            textAfterClosingQuote = lineBreaks + 1;
            state = STOPPED;
            pos = end;
            ready = end;
        } else if (openLineEnd >= 0) {
            setAside(openLineEnd, Why.TEXT_AFTER_ITS_CLOSE, lineBreaks + 1);
        } else {
            state = TO_LINE_END;
            pos++;
        }
    }

    /**
     * The record {@code [ready, to)} ended, a line break or the end of the text last. A field that ran over lines and
     * closed on a line that, with the separators after the quote, reads as a whole row (a row the stray quote
     * swallowed up to its middle) sets the record aside; otherwise it is handed on.
     */
    private void recordEnd(int to) {
        if (closedAt >= 0 && separators >= 1) {
            int own = count(closedLineStart, closedAt);
            if (own > 0 && own + countOutsideQuotes(closedAt + 1, to) == separators) {
                openLine = closedOpenLine;
                setAside(closedOpenLineEnd, Why.RUNS_OVER_A_ROW, closedLine);
                return;
            }
        }
        if (separators < 0 && !onlyLineBreaks(ready, to)) separators = countOutsideQuotes(ready, to);
        if (spacesAfterQuote) to -= dropSpacesAfterClosingQuotes(ready, to);
        ready = to;
        breaksAtReady = lineBreaks;
        closedAt = -1;
        spacesAfterQuote = false;
    }

    /** At the end of the text: the last record, or a quote still open. */
    private void atEnd() {
        while (true) {
            // The last character closed a field.
            if (state == QUOTE_IN_QUOTED) closed(end - 1);
            if (state == QUOTED && endsFile && separators >= 1) {
                setAside(openLineEnd >= 0 ? openLineEnd : end, Why.NEVER_CLOSED, openLine);
            } else if (state == TO_LINE_END || state == TO_LINE_END_CR) {
                setAside(end, Why.TEXT_AFTER_ITS_CLOSE, openLine);
            } else if (state == QUOTED) {
                // A chunk's end inside quotes was no record boundary, or a quote in the header never closes: the parser
                // says so, reaching the end as it would with the spaces after closing quotes dropped.
                if (spacesAfterQuote) dropSpacesAfterClosingQuotes(ready, end);
                ready = end;
                return;
            } else if (state == STOPPED) {
                ready = end;
                return;
            } else if (ready < end) {
                state = UNQUOTED;
                recordEnd(end);
            } else {
                return;
            }
            scan();
        }
    }

    /**
     * Sets the record {@code [ready, to)} aside for a stray quote: hands it on as as many empty lines as it has, and
     * reads on from {@code to} as from the start of a record.
     */
    private void setAside(int to, Why why, long at) {
        String text = new String(buf, ready, to - ready);
        int breaks = 0;
        for (int i = ready; i < to; i++) {
            char c = buf[i];
            if (c == '\r' || c == '\n' && (i == ready || buf[i - 1] != '\r')) breaks++;
        }
        strays.add(new Stray(breaksAtReady + 1, openLine, why, at, text));
        // CR LF for each: the pair never joins a CR before it or an LF after it into one line break.
        int blank = 2 * breaks;
        if (ready + blank + (end - to) > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, ready + blank + end - to));
        System.arraycopy(buf, to, buf, ready + blank, end - to);
        for (int i = 0; i < breaks; i++) {
            buf[ready + 2 * i] = '\r';
            buf[ready + 2 * i + 1] = '\n';
        }
        end += ready + blank - to;
        ready += blank;
        pos = ready;
        lineBreaks = breaksAtReady + breaks;
        breaksAtReady = lineBreaks;
        state = UNQUOTED;
        openLineEnd = -1;
        closedAt = -1;
        spacesAfterQuote = false;
    }

    /** The separators in {@code buf[from, to)}. */
    private int count(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (buf[i] == delimiter) n++;
        return n;
    }

    /** The separators outside quoted fields in {@code buf[from, to)}, which starts a field or follows a closing quote. */
    private int countOutsideQuotes(int from, int to) {
        int n = 0;
        boolean quoted = false;
        char before = delimiter;
        for (int i = from; i < to; i++) {
            char c = buf[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < to && buf[i + 1] == '"') i++;
                    else quoted = false;
                }
            } else if (c == '"' && before == delimiter) {
                quoted = true;
            } else if (c == delimiter) {
                n++;
            }
            before = c;
        }
        return n;
    }

    private boolean onlyLineBreaks(int from, int to) {
        for (int i = from; i < to; i++) if (buf[i] != '\r' && buf[i] != '\n') return false;
        return true;
    }

    /**
     * Drops the spaces between each closing quote in the record {@code buf[from, to)} and the separator or line break
     * after it; moves the text after the record up. Returns how many characters were dropped.
     */
    private int dropSpacesAfterClosingQuotes(int from, int to) {
        int w = from;
        boolean quoted = false;
        boolean closedQuote = false;
        char before = '\n';
        for (int r = from; r < to; r++) {
            char c = buf[r];
            if (quoted) {
                if (c == '"' && r + 1 < to && buf[r + 1] == '"') {
                    buf[w++] = c;
                    buf[w++] = c;
                    r++;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                    closedQuote = true;
                }
            } else if (closedQuote) {
                // Only spaces follow a closing quote in a record handed on, up to a separator or the line break.
                if (c != delimiter && c != '\r' && c != '\n') continue;
                closedQuote = false;
            } else if (c == '"' && (before == delimiter || before == '\n' || before == '\r')) {
                quoted = true;
            }
            buf[w++] = c;
            before = c;
        }
        int dropped = to - w;
        System.arraycopy(buf, to, buf, w, end - to);
        end -= dropped;
        pos -= dropped;
        return dropped;
    }
}

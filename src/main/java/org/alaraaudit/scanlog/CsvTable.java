package org.alaraaudit.scanlog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * Streams a CSV file's rows under its header. Comma files are RFC 4180; a semicolon header means a European
 * export with decimal commas. Line numbers are the physical line a record starts on, so that a reviewer finds
 * the row in a text editor.
 *
 * <p>A stray quote (one whose field runs over a line that reads as a whole row, closes with text after it, or never
 * closes) is set aside by {@link ClosingQuotes}: the row it opened in is handed on as a rejected row naming the line
 * of the quote, keeping the cells it still reads as written, and the lines after that line are read as rows, so that
 * neither a study disappears into another's cell nor one quote stops the month's audit. The bytes are hashed as they
 * are read, so the digest in a report is that of what was audited.
 *
 * <p>FastCSV parses (strict RFC 4180: text after a closing quote and a quote open at the end are errors, which only a
 * header, or a chunk's end that was no record boundary, still gives it; no limit on a field's size);
 * {@link ClosingQuotes} keeps the spaces after a closing quote allowed and finds the line of text after one.
 */
final class CsvTable implements TabularFile {
    private final Path path;
    private final String name;
    private final CsvReader<ParsedRecord> parser;
    private final Iterator<ParsedRecord> records;
    private final ClosingQuotes text;
    private final List<String> header = new ArrayList<>();
    private final boolean decimalComma;
    private final char delimiter;
    /** Null for a chunk of a file: the chunks' reader hashes the file as it reads it. */
    private final DigestInputStream digest;
    private final Deque<Row> pending = new ArrayDeque<>();
    /** The line breaks before this table's first byte: none for a whole file, those of earlier chunks for a chunk. */
    private final long lineOffset;
    /** The last physical line of the record returned last: the next record starts after it (the header, on line 1). */
    private long lastLine;
    /** See {@link TabularFile#keepCellsPastHeader()}. */
    private boolean keepPastHeader;
    /** The bytes ended inside a quoted field: for a chunk, the split point was no record boundary. */
    private boolean quoteOpenAtEnd;

    CsvTable(Path path) {
        this(path, null, null, ',', 0, true);
    }

    /**
     * The records of one chunk of a file, from its first byte on, {@code lineOffset} line breaks into the file. The
     * chunk holding the file's first byte has the header and is given none; a later chunk gets the header and
     * delimiter read from the first. Line numbers and messages are those of the whole file. {@code endsFile}: the
     * chunk runs to the end of the file, where a quote never closed is a stray one rather than a sign that the chunk
     * ended inside a field.
     */
    CsvTable(Path path, InputStream chunk, List<String> knownHeader, char knownDelimiter, long lineOffset, boolean endsFile) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.lineOffset = lineOffset;
        try {
            InputStream in;
            if (chunk == null) {
                this.digest = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"));
                in = new BufferedInputStream(digest, 1 << 16);
            } else {
                this.digest = null;
                in = chunk.markSupported() ? chunk : new BufferedInputStream(chunk, 1 << 16);
            }
            this.delimiter = knownHeader == null ? sniffDelimiter(in) : knownDelimiter;
            this.decimalComma = delimiter == ';';
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            this.text = new ClosingQuotes(reader, delimiter, knownHeader == null ? -1 : knownHeader.size() - 1, endsFile);
            this.parser = CsvReader.builder().fieldSeparator(delimiter).quoteCharacter('"').skipEmptyLines(true)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .allowUnclosedQuote(false)
                    .maxBufferSize(Integer.MAX_VALUE)
                    .build(new ParsedRecord(), text);
            this.records = parser.iterator();
            if (knownHeader != null) {
                header.addAll(knownHeader);
                lastLine = lineOffset;
                return;
            }
            if (!records.hasNext()) throw new ScanLogException(name + ": the file is empty; expected a header row with the column names");
            ParsedRecord first = records.next();
            for (int i = 0; i < first.size(); i++) header.add(first.get(i).trim());
            lastLine = first.firstLine() + first.lineBreaks() + lineOffset;
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            throw unreadable(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The field delimiter read from the header line. */
    char delimiter() { return delimiter; }

    /** True once reading failed because the bytes ended inside a quoted field. */
    boolean quoteOpenAtEnd() { return quoteOpenAtEnd; }

    private ScanLogException unreadable(Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        // FastCSV wraps whatever its reading throws, an OutOfMemoryError too: that stays what it is.
        if (cause instanceof CsvParseException && cause.getCause() instanceof Error err) throw err;
        String detail = String.valueOf(cause.getMessage());
        if (cause instanceof CsvParseException && detail.startsWith("Unclosed quoted field at end of input")) {
            quoteOpenAtEnd = true;
            return new ScanLogException(name + ": line " + (lastLine + 1) + ": a quote opens a field that is never closed"
                    + " before the end of the file (a stray \"?); close the quote or remove it");
        }
        if (cause instanceof CsvParseException && detail.startsWith("Unexpected character after closing quote")) {
            // The parser names the line the record starts on; the text after the quote may be lines further on.
            long line = text.textAfterClosingQuoteLine();
            String at = line < 0 ? "?" : Long.toString(line + lineOffset);
            return new ScanLogException(name + ": line " + at + ": text follows a closing quote inside a field; the field was"
                    + " quoted from line " + (lastLine + 1) + " on (a stray \"?); quote the whole field or remove the quote");
        }
        if (cause instanceof CharacterCodingException) {
            long line = Utf8Text.firstBadLine(path);
            return new ScanLogException(name + (line > 0 ? ": line " + line : "") + " is not UTF-8 text (accented letters"
                    + " saved as Latin-1 or Windows-1252?); save the file as UTF-8 CSV");
        }
        return new ScanLogException(name + ": cannot be read: " + cause.getMessage(), e);
    }

    /** Reads the header line without consuming it: a semicolon there and no comma means a semicolon file. */
    private char sniffDelimiter(InputStream in) throws IOException {
        in.mark(1 << 16);
        byte[] buf = in.readNBytes(1 << 16);
        in.reset();
        int start = 0;
        if (buf.length >= 2 && ((buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE || (buf[0] & 0xFF) == 0xFE && (buf[1] & 0xFF) == 0xFF)) {
            throw new ScanLogException(name + ": the file is UTF-16 text (\"Unicode text\" in Excel); save it as CSV UTF-8");
        }
        if (buf.length >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            in.skip(3);
            start = 3;
        }
        int end = start;
        while (end < buf.length && buf[end] != '\n' && buf[end] != '\r') {
            if (buf[end] == 0) throw new ScanLogException(name + ": not a CSV text file (binary content)");
            end++;
        }
        String headerLine = new String(buf, start, end - start, StandardCharsets.UTF_8);
        int commas = headerLine.length() - headerLine.replace(",", "").length();
        int semicolons = headerLine.length() - headerLine.replace(";", "").length();
        return semicolons > commas ? ';' : ',';
    }

    @Override
    public Path path() { return path; }

    /** Asked for every row: the name is kept rather than taken from the path each time. */
    @Override
    public String fileName() { return name; }

    @Override
    public List<String> header() { return header; }

    @Override
    public boolean decimalComma() { return decimalComma; }

    @Override
    public boolean hasNext() {
        try {
            // The parser reads ahead first: a stray quote it reads past is set aside on the way.
            return !pending.isEmpty() || records.hasNext() || !text.strays().isEmpty();
        } catch (UncheckedIOException | CsvParseException e) {
            throw unreadable(e);
        }
    }

    @Override
    public void keepCellsPastHeader() { keepPastHeader = true; }

    @Override
    public Row next() {
        if (!hasNext()) throw new NoSuchElementException();
        if (!pending.isEmpty()) return pending.poll();
        ParsedRecord r;
        try {
            if (!records.hasNext()) return strayRow(text.strays().poll());
            r = records.next();
        } catch (UncheckedIOException | CsvParseException e) {
            throw unreadable(e);
        }
        int size = r.size();
        Object[] cells = new Object[keepPastHeader ? Math.max(size, header.size()) : header.size()];
        for (int i = 0; i < size && i < cells.length; i++) {
            String t = r.get(i).trim();
            cells[i] = t.isEmpty() ? null : t;
        }
        long end = r.firstLine() + r.lineBreaks() + lineOffset;
        // A row is numbered from the line it ends on, less its quoted line feeds: its first line, unless a quoted
        // field holds a lone CR, which ends a line but is no line feed (as the files were always numbered).
        long start = end - r.lineFeeds();
        lastLine = end;
        Row row = new Row(start, cells, size - header.size());
        Deque<ClosingQuotes.Stray> strays = text.strays();
        if (strays.isEmpty() || strays.peek().line() + lineOffset > start) return row;
        // Rows set aside for a stray quote before this one come first, in line order.
        while (!strays.isEmpty() && strays.peek().line() + lineOffset < start) pending.add(strayRow(strays.poll()));
        pending.add(row);
        return pending.poll();
    }

    /**
     * The row of a record set aside for a stray quote, rejected with the line of the quote. It keeps the cells it reads
     * as written (a field quoted to its closing quote, any other quote as text): those before the stray quote's field,
     * and those after it when the record has the header's cells, so none sits under another's column. The stray
     * quote's own cell is left out, its end unknown. Those cells name the study the rejection leaves incomplete.
     */
    private Row strayRow(ClosingQuotes.Stray s) {
        long line = s.line() + lineOffset;
        long quote = s.quote() + lineOffset;
        long at = s.at() + lineOffset;
        AsWritten read = asWritten(s.text());
        Object[] cells = new Object[header.size()];
        boolean aligned = read.cells().size() == header.size();
        for (int i = 0; i < cells.length && i < read.cells().size() && (aligned || i < read.stray()); i++) {
            String t = read.cells().get(i).trim();
            if (i != read.stray() && !t.isEmpty()) cells[i] = t;
        }
        String column = read.stray() >= 0 && read.stray() < header.size() ? header.get(read.stray()).toLowerCase(java.util.Locale.ROOT) : null;
        String lines = line == quote ? "line " + line + " is" : "lines " + line + " to " + quote + " are";
        String reason;
        if (s.why() == ClosingQuotes.Why.TEXT_AFTER_ITS_CLOSE && at == quote) {
            reason = "has text after its closing quote (a stray \"?): " + lines + " not audited; quote the whole field or remove the quote";
        } else {
            String why = switch (s.why()) {
                case RUNS_OVER_A_ROW -> "runs over line " + at + ", which reads as a whole row";
                case TEXT_AFTER_ITS_CLOSE -> "closes on line " + at + " with text after the closing quote";
                case NEVER_CLOSED -> "is never closed";
            };
            reason = "opens a quote on line " + quote + " that " + why + " (a stray \"?): " + lines + " not audited, the lines after "
                    + (line == quote ? "it" : "them") + " are read as rows; " + (s.why() == ClosingQuotes.Why.NEVER_CLOSED
                    ? "close the quote or remove it" : "quote the field or remove the quote");
        }
        return new Row(line, cells, 0, column, reason);
    }

    /** The cells of a record as written, and the index of the first field opened by a quote that does not close it (-1: none). */
    private record AsWritten(List<String> cells, int stray) {}

    /**
     * Reads a record set aside: a field is quoted when its closing quote is followed by nothing but spaces before the
     * separator or the line break; any other field, a quote in it included, runs to the next separator or line break.
     */
    private AsWritten asWritten(String t) {
        List<String> cells = new ArrayList<>();
        int stray = -1;
        int n = t.length();
        int i = 0;
        while (true) {
            String cell = null;
            if (i < n && t.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < n && !closed) {
                    char c = t.charAt(j++);
                    if (c != '"') b.append(c);
                    else if (j < n && t.charAt(j) == '"') b.append(t.charAt(j++));
                    else closed = true;
                }
                while (closed && j < n && t.charAt(j) != '\r' && t.charAt(j) != '\n' && Character.isWhitespace(t.charAt(j))) j++;
                if (closed && (j == n || t.charAt(j) == delimiter || t.charAt(j) == '\r' || t.charAt(j) == '\n')) {
                    cell = b.toString();
                    i = j;
                } else if (stray < 0) {
                    stray = cells.size();
                }
            }
            if (cell == null) {
                int k = i;
                while (k < n && t.charAt(k) != delimiter && t.charAt(k) != '\r' && t.charAt(k) != '\n') k++;
                cell = t.substring(i, k);
                i = k;
            }
            cells.add(cell);
            if (i >= n || t.charAt(i) != delimiter) return new AsWritten(cells, stray);
            i++;
        }
    }

    /**
     * The SHA-256 of the bytes read from the file so far: once the last row is read, the whole file as audited,
     * even if it changed on disk since.
     */
    @Override
    public String sha256() {
        if (digest == null) throw new IllegalStateException("a chunk is hashed by the reader of its file");
        return sha256SoFar(digest);
    }

    /** The SHA-256 of what went through the stream so far, leaving it to hash on. */
    static String sha256SoFar(DigestInputStream digest) {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.getMessageDigest().clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // Nothing was written through the parser; a failed close loses nothing.
        }
    }
}

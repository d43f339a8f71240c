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
 * <p>A quote that opens a field and runs over lines that read as whole rows is a stray quote, not a field with
 * line breaks: every line it swallowed is handed on as a rejected row with its own number, so that no study
 * silently disappears into another's cell. The bytes are hashed as they are read, so the digest in a report is
 * that of what was audited.
 *
 * <p>FastCSV parses (strict RFC 4180: text after a closing quote and a quote open at the end are errors; no limit on
 * a field's size, as a stray quote may run to the end of the file); {@link ClosingQuotes} keeps the spaces after a
 * closing quote allowed and finds the line of text after one.
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
    /** The last physical line of the record returned last: the next record starts after it. */
    private long lastLine = 1;
    /** The bytes ended inside a quoted field: for a chunk, the split point was no record boundary. */
    private boolean quoteOpenAtEnd;

    CsvTable(Path path) {
        this(path, null, null, ',', 0);
    }

    /**
     * The records of one chunk of a file, from its first byte on, {@code lineOffset} line breaks into the file. The
     * chunk holding the file's first byte has the header and is given none; a later chunk gets the header and
     * delimiter read from the first. Line numbers and messages are those of the whole file.
     */
    CsvTable(Path path, InputStream chunk, List<String> knownHeader, char knownDelimiter, long lineOffset) {
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
            this.text = new ClosingQuotes(reader, delimiter);
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
            return !pending.isEmpty() || records.hasNext();
        } catch (UncheckedIOException | CsvParseException e) {
            throw unreadable(e);
        }
    }

    @Override
    public Row next() {
        if (!hasNext()) throw new NoSuchElementException();
        if (!pending.isEmpty()) return pending.poll();
        ParsedRecord r;
        try {
            r = records.next();
        } catch (UncheckedIOException | CsvParseException e) {
            throw unreadable(e);
        }
        int size = r.size();
        Object[] cells = new Object[header.size()];
        for (int i = 0; i < size && i < cells.length; i++) {
            String t = r.get(i).trim();
            cells[i] = t.isEmpty() ? null : t;
        }
        long end = r.firstLine() + r.lineBreaks() + lineOffset;
        // A row is numbered from the line it ends on, less its quoted line feeds: its first line, unless a quoted
        // field holds a lone CR, which ends a line but is no line feed (as the files were always numbered).
        long start = end - r.lineFeeds();
        lastLine = end;
        Swallowed swallowed = swallowedRows(r, start, end);
        if (swallowed != null) {
            for (long line = start; line <= end; line++) {
                pending.add(new Row(line, new Object[header.size()], 0, swallowed.column(), swallowed.reason()));
            }
            return pending.poll();
        }
        return new Row(start, cells, size - header.size());
    }

    /** The column whose quote swallowed whole rows, and what to tell the user. */
    private record Swallowed(String column, String reason) {}

    /**
     * Why the record's lines are not read, when a quoted field in it runs over a line that has exactly the
     * separators of a whole row; null for an ordinary record, including a free-text field with line breaks. The
     * last line of such a field counts the separators after the closing quote too, and only when the field's
     * text on that line itself holds one: a row the stray quote swallowed up to its middle. (Free text on that
     * line with as many commas as the field's column index would pass for such a row; a stray quote is the far
     * likelier cause.)
     */
    private Swallowed swallowedRows(ParsedRecord r, long start, long end) {
        int separators = header.size() - 1;
        if (separators < 1 || r.lineFeeds() == 0) return null;
        long line = start;
        for (int i = 0; i < r.size(); i++) {
            String v = r.get(i);
            if (v.indexOf('\n') < 0) continue;
            String[] parts = v.split("\n", -1);
            for (int k = 1; k < parts.length; k++) {
                int own = count(parts[k], delimiter);
                boolean last = k == parts.length - 1;
                int onLine = own + (last ? r.size() - 1 - i : 0);
                if (onLine == separators && (!last || own > 0)) {
                    String column = i < header.size() ? header.get(i).toLowerCase(java.util.Locale.ROOT) : null;
                    return new Swallowed(column, "opens a quote on line " + line + " that runs over line " + (line + k) + ", which reads as a whole row"
                            + " (a stray \"?): lines " + start + " to " + end + " are not read; quote the field or remove the quote");
                }
            }
            line += parts.length - 1;
        }
        return null;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
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

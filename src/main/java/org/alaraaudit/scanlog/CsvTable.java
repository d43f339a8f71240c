package org.alaraaudit.scanlog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV file's rows under its header. Comma files are RFC 4180; a semicolon header means a European
 * export with decimal commas. Line numbers are the physical line a record starts on, so that a reviewer finds
 * the row in a text editor.
 */
final class CsvTable implements TabularFile {
    private final Path path;
    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header = new ArrayList<>();
    private final boolean decimalComma;

    CsvTable(Path path) {
        this.path = path;
        this.name = path.getFileName().toString();
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            char delimiter = sniffDelimiter(in);
            this.decimalComma = delimiter == ';';
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
            this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            this.records = parser.iterator();
            if (!records.hasNext()) throw new ScanLogException(name + ": the file is empty; expected a header row with the column names");
            for (String h : records.next()) header.add(h.trim());
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    private ScanLogException unreadable(Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
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
    public String fileName() { return name; }

    @Override
    public Path path() { return path; }

    @Override
    public List<String> header() { return header; }

    @Override
    public boolean decimalComma() { return decimalComma; }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public Row next() {
        if (!hasNext()) throw new NoSuchElementException();
        CSVRecord r;
        try {
            r = records.next();
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
        long end = parser.getCurrentLineNumber();
        int embedded = 0;
        Object[] cells = new Object[header.size()];
        for (int i = 0; i < r.size(); i++) {
            String v = r.get(i);
            embedded += countNewlines(v);
            if (i < cells.length) {
                String t = v.trim();
                cells[i] = t.isEmpty() ? null : t;
            }
        }
        // commons-csv reports the line a record ends on; quoted line breaks inside it move its start up.
        return new Row(end - embedded, cells, Math.max(0, r.size() - header.size()));
    }

    private static int countNewlines(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') n++;
        return n;
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

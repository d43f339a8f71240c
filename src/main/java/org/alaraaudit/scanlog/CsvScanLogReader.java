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
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.alaraaudit.model.SourceLine;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a canonical CSV scan log. Comma files are RFC 4180; a semicolon header means a European
 * export with decimal commas. The header is checked before the first row is returned, so a file that cannot be
 * audited stops the run before anything is written.
 */
public final class CsvScanLogReader implements ScanLogReader {
    private final Path path;
    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> headers = new ArrayList<>();
    private final CanonicalColumn[] columnOf;
    private final boolean decimalComma;
    private final List<RawRow> malformed = new ArrayList<>();

    public CsvScanLogReader(Path path) {
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
            if (!records.hasNext()) throw new ScanLogException(name + ": the file is empty; expected a header row with the canonical columns");
            CSVRecord header = records.next();
            for (String h : header) headers.add(h.trim().toLowerCase(Locale.ROOT));
            this.columnOf = new CanonicalColumn[headers.size()];
            for (int i = 0; i < headers.size(); i++) {
                columnOf[i] = CanonicalColumn.forHeader(headers.get(i)).orElse(null);
            }
            checkHeader();
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    private ScanLogException unreadable(Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return new ScanLogException(name + ": the file is not UTF-8 text (save it as UTF-8 CSV)");
        }
        return new ScanLogException(name + ": cannot be read: " + cause.getMessage(), e);
    }

    /** Reads the header line without consuming it: a semicolon there and no comma means a semicolon file. */
    private char sniffDelimiter(InputStream in) throws IOException {
        in.mark(1 << 16);
        byte[] buf = in.readNBytes(1 << 16);
        in.reset();
        int start = 0;
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

    private void checkHeader() {
        List<String> missing = new ArrayList<>();
        boolean any = false;
        for (CanonicalColumn c : CanonicalColumn.values()) {
            if (headers.contains(c.header())) any = true;
            else if (c.required()) missing.add(c.header());
        }
        if (!any) {
            throw new ScanLogException(name + ": line 1 is not a scan-log header: none of the canonical columns "
                    + "(patient_id, facility, station_name, accession_number, study_datetime, modality, ...) was found");
        }
        if (!headers.contains("age_years") && !headers.contains("birth_date")) missing.add("age_years or birth_date");
        if (!missing.isEmpty()) {
            throw new ScanLogException(name + ": required column" + (missing.size() > 1 ? "s" : "") + " missing from the header: "
                    + String.join(", ", missing));
        }
    }

    @Override
    public String fileName() { return name; }

    @Override
    public Path path() { return path; }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public RawRow next() {
        if (!hasNext()) throw new NoSuchElementException();
        CSVRecord r;
        try {
            r = records.next();
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
        long end = parser.getCurrentLineNumber();
        int embedded = 0;
        Map<CanonicalColumn, String> cells = new EnumMap<>(CanonicalColumn.class);
        Map<String, String> extras = new LinkedHashMap<>();
        int n = Math.min(r.size(), headers.size());
        for (int i = 0; i < r.size(); i++) embedded += countNewlines(r.get(i));
        for (int i = 0; i < n; i++) {
            String v = r.get(i).trim();
            if (v.isEmpty()) continue;
            if (columnOf[i] != null) cells.put(columnOf[i], v);
            else extras.put(headers.get(i), v);
        }
        // commons-csv reports the line a record ends on; quoted line breaks inside it move its start up.
        long startLine = end - embedded;
        SourceLine source = new SourceLine(name, startLine);
        if (r.size() > headers.size()) {
            extras.put(TOO_MANY_CELLS, r.size() + " cells, the header has " + headers.size());
        }
        return new RawRow(source, cells, extras, decimalComma);
    }

    /** Marker extra for a row that has more cells than the header; the validator rejects it. */
    public static final String TOO_MANY_CELLS = "\u0000too_many_cells";

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

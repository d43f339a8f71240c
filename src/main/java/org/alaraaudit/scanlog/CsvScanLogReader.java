package org.alaraaudit.scanlog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.alaraaudit.model.SourceLine;

/**
 * Streams the rows of a canonical CSV scan log. The header is checked before the first row is returned, so a
 * file that cannot be audited stops the run before anything is written.
 */
public final class CsvScanLogReader implements ScanLogReader {
    private final CsvTable table;
    private final List<String> headers = new ArrayList<>();
    private final CanonicalColumn[] columnOf;

    public CsvScanLogReader(Path path) {
        this(new CsvTable(path));
    }

    /** The rows of a table: a whole file, or a chunk of one read on a thread of its own ({@link CsvChunks}). */
    CsvScanLogReader(CsvTable table) {
        this.table = table;
        try {
            for (String h : table.header()) headers.add(h.toLowerCase(Locale.ROOT));
            this.columnOf = new CanonicalColumn[headers.size()];
            Map<CanonicalColumn, Integer> firstOf = new EnumMap<>(CanonicalColumn.class);
            for (int i = 0; i < headers.size(); i++) {
                columnOf[i] = CanonicalColumn.forHeader(headers.get(i)).orElse(null);
                if (columnOf[i] == null) continue;
                // Two columns of one name: which one holds the dose? Guessing could audit the wrong value. Unknown
                // columns are only kept as attributes, so a repeated one is no such question.
                Integer j = firstOf.putIfAbsent(columnOf[i], i);
                if (j != null) {
                    throw new ScanLogException(table.fileName() + ": line 1: column " + headers.get(i).trim()
                            + " appears twice (columns " + (j + 1) + " and " + (i + 1) + "); rename or remove one");
                }
            }
            checkHeader();
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    private void checkHeader() {
        String name = table.fileName();
        List<String> missing = new ArrayList<>();
        java.util.Set<String> present = new java.util.HashSet<>(headers);
        boolean any = false;
        for (CanonicalColumn c : CanonicalColumn.values()) {
            if (present.contains(c.header())) any = true;
            else if (c.required()) missing.add(c.header());
        }
        if (!any) {
            throw new ScanLogException(name + ": line 1 is not a scan-log header: none of the canonical columns "
                    + "(patient_id, facility, station_name, accession_number, study_datetime, modality, ...) was found");
        }
        if (!present.contains("age_years") && !present.contains("birth_date")) missing.add("age_years or birth_date");
        if (!missing.isEmpty()) {
            throw new ScanLogException(name + ": required column" + (missing.size() > 1 ? "s" : "") + " missing from the header: "
                    + String.join(", ", missing));
        }
    }

    @Override
    public String fileName() { return table.fileName(); }

    @Override
    public Path path() { return table.path(); }

    @Override
    public String profileName() { return "canonical"; }

    @Override
    public boolean hasColumnFor(CanonicalColumn c) { return java.util.Arrays.asList(columnOf).contains(c); }

    @Override
    public boolean hasNext() { return table.hasNext(); }

    @Override
    public RawRow next() {
        if (!hasNext()) throw new NoSuchElementException();
        TabularFile.Row r = table.next();
        Map<CanonicalColumn, String> cells = new EnumMap<>(CanonicalColumn.class);
        Object[] values = r.cells();
        if (r.fault() != null) {
            // The cells the reader could still read (a stray quote's line up to the quote) name the study the
            // rejection leaves incomplete.
            for (int i = 0; i < values.length; i++) if (values[i] != null && columnOf[i] != null) cells.putIfAbsent(columnOf[i], (String) values[i]);
            return RawRow.unreadable(new SourceLine(table.fileName(), r.line()), r.faultColumn(), r.fault(), cells);
        }
        Map<String, String> extras = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            String v = (String) values[i];
            if (v == null) continue;
            if (columnOf[i] != null) cells.put(columnOf[i], v);
            else extras.putIfAbsent(headers.get(i), v);
        }
        // A canonical row has every column of the header, empty or not: the tool's own writers (pull, generate) and
        // spreadsheets write an empty cell as a separator. A row with fewer cells is a line cut off (a copy or a
        // download that stopped) or one that lost a separator, and what it lacks may be its doses: audited, the study
        // would count without its DLP, as if the scanner had not reported one. So it is rejected as a row with too
        // many is, keeping the cells it has: those that name its study flag that study as incomplete.
        if (r.surplusCells() != 0) extras.put(RawRow.CELL_COUNT, RawRow.cellCount(headers.size() + r.surplusCells(), headers));
        return new RawRow(new SourceLine(table.fileName(), r.line()), cells, extras, table.decimalComma());
    }

    @Override
    public String sha256() { return table.sha256(); }

    /** The table read: its header and delimiter are those of every chunk of the file. */
    CsvTable table() { return table; }

    @Override
    public void close() { table.close(); }
}

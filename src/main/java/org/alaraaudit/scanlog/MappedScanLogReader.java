package org.alaraaudit.scanlog;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.alaraaudit.model.SourceLine;

/**
 * Reads any export through a mapping profile into canonical raw rows. A file with one row per study and
 * numbered event blocks gives one raw row per event present; every row of a study points to the study's line
 * in the export, which is where a reviewer finds it. Values are converted to canonical units and forms here;
 * whether they are valid is still the validator's business, so a value that does not convert is passed on as
 * written and rejected there with its line and column.
 */
final class MappedScanLogReader implements ScanLogReader {
    private final TabularFile table;
    private final HeaderMatch match;
    private final MappingProfile profile;
    private final boolean patientColumn;
    private final Plan[] plans;
    /** The per-event source columns: an event block with any of them filled is an event. */
    private final HeaderMatch.Column[] eventColumns;
    /** The profile has numbered event blocks, so a row without any is a study given only as totals. */
    private final boolean blockLayout;
    private final Deque<RawRow> pending = new ArrayDeque<>();

    /** A field with its columns in this header, resolved once rather than for every row. */
    private record Plan(MappingProfile.Field field, CanonicalColumn column, HeaderMatch.Column[] sources,
                        HeaderMatch.Column[] studySources, HeaderMatch.Column times, HeaderMatch.Column time) {}

    MappedScanLogReader(TabularFile table, HeaderMatch match) {
        this.table = table;
        this.match = match;
        this.profile = match.profile();
        this.patientColumn = match.hasPatientIdentifiers();
        List<Plan> p = new ArrayList<>();
        List<HeaderMatch.Column> events = new ArrayList<>();
        boolean blocks = false;
        for (MappingProfile.Field f : profile.fields().values()) {
            HeaderMatch.Column[] sources = f.sources().stream().map(match::column).toArray(HeaderMatch.Column[]::new);
            for (HeaderMatch.Column c : sources) if (c.perEvent()) events.add(c);
            for (String s : f.sources()) blocks |= s.contains(MappingProfile.EVENT);
            p.add(new Plan(f, CanonicalColumn.forHeader(f.target()).orElse(null), sources,
                    f.studySources().stream().map(match::column).toArray(HeaderMatch.Column[]::new),
                    f.times() == null ? null : match.column(f.times()), f.time() == null ? null : match.column(f.time())));
        }
        this.plans = p.toArray(Plan[]::new);
        this.eventColumns = events.toArray(HeaderMatch.Column[]::new);
        this.blockLayout = blocks;
        if (match.blocksPastHeader()) table.keepCellsPastHeader();
    }

    @Override
    public String fileName() { return table.fileName(); }

    @Override
    public Path path() { return table.path(); }

    @Override
    public String profileName() { return profile.name(); }

    @Override
    public String readAs() { return profile.readAs(); }

    @Override
    public String profileSha256() { return profile.fileSha256(); }

    @Override
    public boolean hasPatientIdentifiers() { return patientColumn; }

    @Override
    public boolean hasColumnFor(CanonicalColumn c) {
        for (Plan p : plans) {
            if (p.column() != c) continue;
            if (p.field().constant() != null) return true;
            for (HeaderMatch.Column s : p.sources()) if (s.present()) return true;
            for (HeaderMatch.Column s : p.studySources()) if (s.present()) return true;
        }
        return false;
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && table.hasNext()) expand(table.next());
        return !pending.isEmpty();
    }

    @Override
    public RawRow next() {
        if (!hasNext()) throw new NoSuchElementException();
        return pending.poll();
    }

    /** One export row: one raw row per event block with any value, or one study-level row when there is none. */
    private void expand(TabularFile.Row row) {
        if (row.fault() != null) {
            // The cells still read (a workbook row's other cells, a stray quote's line up to the quote) name the
            // study the rejection leaves incomplete; they are mapped as a study-level row's are.
            Map<CanonicalColumn, String> read = raw(row, 0).cells();
            pending.add(RawRow.unreadable(new SourceLine(table.fileName(), row.line()), row.faultColumn(), row.fault(), read));
            return;
        }
        boolean any = false;
        int events = Math.max(match.events(), eventsIn(row));
        for (int n = 1; n <= events; n++) {
            if (hasEvent(row.cells(), n)) {
                pending.add(raw(row, n));
                any = true;
            }
        }
        if (!any) pending.add(raw(row, 0));
    }

    /**
     * The events a row can hold: the header's blocks, and whole blocks past the header (a CSV row writes every cell of
     * a block; a workbook row leaves out the empty cells its last block ends with); -1 for a CSV row longer by part
     * of a block, which is rejected for its cell count.
     */
    private int eventsIn(TabularFile.Row row) {
        Object[] cells = row.cells();
        int header = match.header().size();
        if (cells.length <= header) return match.events();
        if (row.surplusCells() > 0) return match.eventsIn(header + row.surplusCells(), true);
        int last = cells.length - 1;
        while (last >= header && cells[last] == null) last--;
        return match.eventsIn(last + 1, false);
    }

    private boolean hasEvent(Object[] cells, int n) {
        for (HeaderMatch.Column c : eventColumns) if (c.cell(cells, n) != null) return true;
        return false;
    }

    /** Event {@code n} of the row (0: the study as a whole). */
    private RawRow raw(TabularFile.Row row, int n) {
        Object[] cells = row.cells();
        Map<CanonicalColumn, String> canonical = new EnumMap<>(CanonicalColumn.class);
        Map<String, String> extras = new LinkedHashMap<>();
        String doseCheckText = null;
        for (Plan p : plans) {
            String v = value(p, cells, n);
            if (v == null) continue;
            if (p.column() != null) canonical.put(p.column(), v);
            else if (p.field().target().equals(DoseCheck.TEXT)) doseCheckText = v;
            else extras.put(p.field().target(), v);
        }
        // Columns mapped to the attributes directly win over what the prose says.
        DoseCheck.parse(doseCheckText).forEach((k, v) -> extras.putIfAbsent(k, DoseCheck.kind(k).isNumber() ? inFileForm(v) : v));
        for (HeaderMatch.Extra e : match.extras()) {
            // An event past the header's blocks has the columns of its last block.
            boolean ofEvent = e.event() == n || (n > match.events() && e.event() == match.events());
            if (e.event() != 0 && !ofEvent) continue;
            int i = match.extraIndex(e, n);
            Object cell = i >= 0 && i < cells.length ? cells[i] : null;
            if (cell != null) extras.putIfAbsent(e.name(), CellText.text(cell));
        }
        // An identifier of only invisible characters (no-break, zero-width spaces) is as empty as a blank cell.
        if (profile.patientPerStudy() && BlankText.isBlank(canonical.get(CanonicalColumn.PATIENT_ID))) {
            canonical.put(CanonicalColumn.PATIENT_ID, studyPatientKey(canonical.get(CanonicalColumn.FACILITY),
                    canonical.get(CanonicalColumn.ACCESSION_NUMBER)));
            extras.put(RawRow.PATIENT_PER_STUDY, patientColumn ? RawRow.PATIENT_CELL_EMPTY : RawRow.PATIENT_COLUMN_ABSENT);
        }
        if (n > 0) extras.put(RawRow.EVENT_NUMBER, Integer.toString(n));
        int had = match.header().size() + row.surplusCells();
        if ((row.surplusCells() > 0 && match.eventsIn(had, true) < 0) || (row.surplusCells() < 0 && !match.rowMayEndAt(had))) {
            extras.put(RawRow.CELL_COUNT, RawRow.cellCount(had, match.header()));
        }
        return new RawRow(new SourceLine(table.fileName(), row.line()), canonical, extras, table.decimalComma());
    }

    /**
     * The patient of a study when the export names none: the study itself. Pseudonymised like any identifier,
     * so it never shows; it can never equal another study's key, so no study is taken for another's repeat.
     */
    static String studyPatientKey(String facility, String accession) {
        return "study:" + (facility == null ? "" : facility) + "\u001f" + (accession == null ? "" : accession);
    }

    private String value(Plan p, Object[] cells, int n) {
        MappingProfile.Field f = p.field();
        HeaderMatch.Column[] columns = n == 0 && blockLayout && p.studySources().length > 0 ? p.studySources() : p.sources();
        List<Object> found = new ArrayList<>(2);
        for (HeaderMatch.Column c : columns) {
            if (c.perEvent() && n == 0) continue;
            Object cell = c.cell(cells, n);
            if (cell != null) found.add(coded(f, cell));
        }
        if (found.isEmpty()) return f.constant() != null && f.kind().isNumber() ? inFileForm(f.constant()) : f.constant();
        switch (f.kind()) {
            case DATE_TIME: {
                Object time = p.time() == null ? null : p.time().cell(cells, n);
                LocalDateTime t = CellText.dateTime(found.get(0), time, f.format());
                if (t != null) return CellText.iso(t);
                return CellText.text(found.get(0)) + (time == null ? "" : " " + CellText.text(time));
            }
            case DATE: {
                LocalDate d = CellText.date(found.get(0), f.format());
                return d != null ? CellText.iso(d) : CellText.text(found.get(0));
            }
            case TEXT:
                return CellText.text(found.get(0));
            default:
                return number(p, found, cells, n);
        }
    }

    /** A code the profile translates (e.g. "IEC Body Dosimetry Phantom" to 32); other values pass unchanged. */
    private static Object coded(MappingProfile.Field f, Object cell) {
        if (f.codes().isEmpty()) return cell;
        String mapped = f.codes().get(MappingProfile.norm(CellText.text(cell)));
        return mapped != null ? mapped : cell;
    }

    private String number(Plan p, List<Object> found, Object[] cells, int n) {
        MappingProfile.Field f = p.field();
        boolean comma = table.decimalComma();
        BigDecimal result = null;
        for (Object cell : found) {
            BigDecimal v = CellText.number(cell, comma);
            if (v == null) return CellText.text(cell);
            if (result == null) result = v;
            else if (f.combine() == MappingProfile.Combine.SUM) result = result.add(v);
            else if (f.combine() == MappingProfile.Combine.HIGHEST) result = result.max(v);
            if (f.combine() == MappingProfile.Combine.FIRST) break;
        }
        if (f.times() != null) {
            // mA without its exposure time says nothing about mAs: leave the value unknown.
            BigDecimal by = CellText.number(p.times().cell(cells, n), comma);
            if (by == null) return null;
            result = result.multiply(by);
        }
        if (f.unit() != null) result = f.unit().convert(result);
        return inFileForm(CellText.plain(result));
    }

    /**
     * A converted number written as the file writes its numbers: with a decimal comma in a semicolon file. Rows
     * keep the file's convention, so the values passed on as written (which did not convert) are judged by the
     * same rule as canonical CSV, where "1.23" is no number.
     */
    private String inFileForm(String plain) {
        return table.decimalComma() ? plain.replace('.', ',') : plain;
    }

    @Override
    public String sha256() { return table.sha256(); }

    @Override
    public void close() { table.close(); }
}

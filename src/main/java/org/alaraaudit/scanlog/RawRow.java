package org.alaraaudit.scanlog;

import java.util.List;
import java.util.Map;
import org.alaraaudit.model.SourceLine;

/**
 * One data row as read, before validation: the canonical cells by column, and the unknown columns kept as
 * extra attributes. Blank cells are null.
 */
public record RawRow(SourceLine source, Map<CanonicalColumn, String> cells, Map<String, String> extras,
                     boolean decimalComma) {

    /**
     * Marker extra: the patient_id is a stand-in for the study because the export names no patient. Its value
     * says whether the column was absent or only this cell was empty.
     */
    public static final String PATIENT_PER_STUDY = "\u0000patient_per_study";
    static final String PATIENT_COLUMN_ABSENT = "column absent";
    static final String PATIENT_CELL_EMPTY = "cell empty";

    /**
     * Marker extra: the event block a row came from in a one-row-per-study export. Two identical events of one
     * study (two localisers alike in every column) are two events, not a duplicate; the same study exported
     * twice still is one.
     */
    public static final String EVENT_NUMBER = "\u0000event_number";

    /**
     * Marker extras: the line could not be read as cells (a stray quote swallowed it), with the reason and the
     * column at fault; the validator rejects the row with them.
     */
    public static final String UNREADABLE = "\u0000unreadable";
    public static final String UNREADABLE_COLUMN = "\u0000unreadable_column";

    /**
     * Marker extra: the row has more or fewer cells than the header, with the reason. The validator rejects the row for
     * it before judging any cell: after a lost or surplus separator every cell may sit under its neighbour's column, and
     * a row cut short may have lost its doses, which an audit would read as "not reported".
     */
    public static final String CELL_COUNT = "\u0000cell_count";

    /**
     * Why a row of {@code cells} cells under {@code header} is rejected: "the row has 24 cells, the header has 39", and
     * for a short row the column it ends before, where a reader looks for the cut.
     */
    static String cellCount(int cells, List<String> header) {
        String counted = "the row has " + cells + (cells == 1 ? " cell" : " cells") + ", the header has " + header.size();
        if (cells >= header.size()) return counted;
        return counted + ": it ends before " + header.get(cells).trim() + " (a line cut short, or a separator missing)";
    }

    /** The row of a line that could not be read as cells, to be rejected for {@code reason}. */
    static RawRow unreadable(SourceLine source, String column, String reason) { return unreadable(source, column, reason, Map.of()); }

    /**
     * The cells that name a row's study and patient: all an unreadable row keeps of what was read. The birth date names
     * no study; it is kept so that a study cell holding it is withheld from rejected.csv, as any rejected row's is.
     */
    private static final List<CanonicalColumn> STUDY_CELLS = List.of(CanonicalColumn.PATIENT_ID, CanonicalColumn.BIRTH_DATE,
            CanonicalColumn.FACILITY, CanonicalColumn.ACCESSION_NUMBER, CanonicalColumn.STUDY_DATETIME);

    /**
     * As {@link #unreadable(SourceLine, String, String)}, keeping of {@code read} the cells that name the study (an
     * event of a dose report whose study is known, a workbook row with a formula never computed, the line a stray quote
     * opened on): the study it leaves incomplete is then found, and rejected.csv names it.
     */
    static RawRow unreadable(SourceLine source, String column, String reason, Map<CanonicalColumn, String> read) {
        Map<String, String> extras = new java.util.HashMap<>();
        extras.put(UNREADABLE, reason);
        if (column != null) extras.put(UNREADABLE_COLUMN, column);
        Map<CanonicalColumn, String> study = new java.util.EnumMap<>(CanonicalColumn.class);
        for (CanonicalColumn c : STUDY_CELLS) if (read.get(c) != null) study.put(c, read.get(c));
        return new RawRow(source, study, extras, false);
    }

    public String get(CanonicalColumn c) { return cells.get(c); }

    /** The cell of any column, canonical or not, by header name (case-insensitive). */
    public String byHeader(String header) {
        return CanonicalColumn.forHeader(header).map(cells::get)
                .orElseGet(() -> extras.get(header.trim().toLowerCase(java.util.Locale.ROOT)));
    }
}

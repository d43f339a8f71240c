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

    /** The row of a line that could not be read as cells, to be rejected for {@code reason}. */
    static RawRow unreadable(SourceLine source, String column, String reason) { return unreadable(source, column, reason, Map.of()); }

    /** The cells that name a row's study and patient: all an unreadable row keeps of what was read. */
    private static final List<CanonicalColumn> STUDY_CELLS = List.of(CanonicalColumn.PATIENT_ID, CanonicalColumn.FACILITY,
            CanonicalColumn.ACCESSION_NUMBER, CanonicalColumn.STUDY_DATETIME);

    /**
     * As {@link #unreadable(SourceLine, String, String)}, keeping of {@code read} the cells that name the study (an
     * event of a dose report whose study is known, a line cut short after them): the study it leaves incomplete is
     * then found, and rejected.csv names it.
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

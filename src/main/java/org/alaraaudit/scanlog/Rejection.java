package org.alaraaudit.scanlog;

/**
 * A row that cannot be audited, with the column and value at fault and why. A value that could identify the
 * patient is never kept: it is {@link #VALUE_WITHHELD}, which every report writes in its place.
 *
 * <p>{@code facility}, {@code accessionNumber} and {@code studyDatetime} are the row's own cells as written (null when
 * empty): a rejected row of a study whose other rows were audited leaves that study incomplete, and a safety officer
 * finds the study by them; the date tells a row of the period from the history rows read with it.
 */
public record Rejection(String file, long line, String column, String value, String reason, String facility,
                        String accessionNumber, String studyDatetime) {
    /** A rejection of a row whose study is not known (a file's problem, a test's row). */
    public Rejection(String file, long line, String column, String value, String reason) {
        this(file, line, column, value, reason, null, null, null);
    }

    /** The same rejection with another value shown: how an identifying value is withheld. */
    public Rejection withValue(String shownValue) {
        return new Rejection(file, line, column, shownValue, reason, facility, accessionNumber, studyDatetime);
    }

    /**
     * The day of the row's study as its cell gives it ({@code 2026-10-05T10:00:00}, {@code 2026-10-05 10:00}, ...),
     * or null when the cell is empty or does not start with a date.
     */
    public java.time.LocalDate studyDay() {
        if (studyDatetime == null || studyDatetime.length() < 10) return null;
        try {
            return java.time.LocalDate.parse(studyDatetime.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
    /** What stands for a value that is not shown because it may identify a patient. */
    public static final String VALUE_WITHHELD = "value withheld: may identify a patient";

    /**
     * The one-line form printed to users: {@code line 812: ctdivol_mgy "12,5O" is not a number}, with control
     * characters escaped so that one line stays one line on a terminal or in a log.
     */
    public String message() {
        return TerminalText.escape(file + " line " + line + ": " + (column == null ? "" : column + " ")
                + shown(value) + reason);
    }

    static String shown(String value) {
        if (value == null) return "";
        if (VALUE_WITHHELD.equals(value)) return "(" + VALUE_WITHHELD + ") ";
        return "\"" + value + "\" ";
    }
}

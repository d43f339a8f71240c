package org.alaraaudit.scanlog;

/**
 * A row that cannot be audited, with the column and value at fault and why. A value that could identify the
 * patient is never kept: it is {@link #VALUE_WITHHELD}, which every report writes in its place.
 */
public record Rejection(String file, long line, String column, String value, String reason) {
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

package org.alaraaudit.scanlog;

/** A row that cannot be audited, with the column and value at fault and why. */
public record Rejection(String file, long line, String column, String value, String reason) {
    /** The one-line form printed to users: {@code line 812: ctdivol_mgy "12,5O" is not a number}. */
    public String message() {
        return file + " line " + line + ": " + (column == null ? "" : column + " ")
                + (value == null ? "" : "\"" + value + "\" ") + reason;
    }
}

package org.alaraaudit.scanlog;

/**
 * A value that parses but is unusual: audited all the same, and counted so that someone looks at it. As in a
 * {@link Rejection}, a value that may identify the patient is {@link Rejection#VALUE_WITHHELD}.
 */
public record DataWarning(String file, long line, String column, String value, String reason) {
    /** True when the warning is of a file whose header lacks a dose column its CT rows need, not of one row. */
    public boolean ofAbsentColumn() { return AbsentDoseColumns.isAbsentColumn(this); }
}

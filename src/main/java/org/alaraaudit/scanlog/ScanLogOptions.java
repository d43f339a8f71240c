package org.alaraaudit.scanlog;

/**
 * How the input files are to be read, as the user asked on the command line.
 *
 * @param profile a shipped profile's name ({@code canonical}, {@code openrem-ct-csv}, ...) or a profile file's
 *                path; null: each file's profile is detected from its header
 * @param sheet   the workbook sheet to read in XLSX files; null: the sheet the profile names, else the first
 */
public record ScanLogOptions(String profile, String sheet) {
    public static final ScanLogOptions DEFAULTS = new ScanLogOptions(null, null);
}

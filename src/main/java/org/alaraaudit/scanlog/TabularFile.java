package org.alaraaudit.scanlog;

import java.nio.file.Path;
import java.util.List;

/**
 * A file of rows under one header row, whatever its container (CSV text, an XLSX sheet). Cells are
 * {@link String}, {@link Double} (a number cell), {@link java.time.LocalDateTime} (a date cell) or null (blank);
 * text files only ever give strings.
 */
interface TabularFile extends AutoCloseable {
    /**
     * One data row and the 1-based line (CSV) or spreadsheet row number (XLSX) where it starts. A row that
     * cannot be read as cells has a {@code fault}: the reason it is rejected, about {@code faultColumn}.
     * {@code surplusCells} counts the cells beyond the header; below zero, the cells a CSV row lacks (a workbook's row
     * leaves its empty cells out, so its rows never count short).
     */
    record Row(long line, Object[] cells, int surplusCells, String faultColumn, String fault) {
        Row(long line, Object[] cells, int surplusCells) {
            this(line, cells, surplusCells, null, null);
        }
    }

    Path path();

    /**
     * From here on, a row's cells past the header are kept in {@link Row#cells()} (by default they are cut off): a
     * profile whose header ends with event blocks reads them as further events.
     */
    void keepCellsPastHeader();

    default String fileName() { return path().getFileName().toString(); }

    /** The header cells as written, in column order. */
    List<String> header();

    /** A semicolon CSV: its number cells use decimal commas. */
    boolean decimalComma();

    boolean hasNext();

    Row next();

    /** The SHA-256 of the file as read; complete once the last row has been read. */
    String sha256();

    @Override
    void close();
}

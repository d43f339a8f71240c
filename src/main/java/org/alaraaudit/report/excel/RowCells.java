package org.alaraaudit.report.excel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.Cells;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * Fills one row left to right. Every value is written as a typed constant (string, number, date), never as a
 * formula, so text from a scan log cannot run in the user's spreadsheet.
 */
final class RowCells {
    /** Excel refuses longer cell text; a long list of input lines is cut with a note, not lost silently. */
    static final int MAX_TEXT = 32_767;

    private final Row row;
    private final Styles styles;
    private int col;

    RowCells(Row row, Styles styles, int firstColumn) {
        this.row = row;
        this.styles = styles;
        this.col = firstColumn;
    }

    Row row() { return row; }

    /** Text from the input (or derived from it): a formula-like start gets the quote-prefix style. */
    RowCells text(String s) {
        if (s == null || s.isEmpty()) return skip();
        String v = fit(s);
        Cell c = row.createCell(col++);
        c.setCellValue(v);
        c.setCellStyle(Cells.safeText(v).equals(v) ? styles.text : styles.quotedText);
        return this;
    }

    /**
     * Long text (a message, a citation): wrapped in its column, the row made tall enough to show all of it, as
     * neither Excel nor LibreOffice sizes a row to wrapped text in a workbook it opens.
     */
    RowCells wrapped(String s) {
        if (s == null || s.isEmpty()) return skip();
        String v = fit(s);
        int column = col;
        wrappedCell(v);
        float points = TextFit.points(TextFit.lines(v, row.getSheet().getColumnWidth(column) / 256, false));
        if (points > row.getHeightInPoints()) row.setHeightInPoints(points);
        return this;
    }

    /**
     * Text wrapped in its column but shown only as far as the row's other cells make it tall: a finding's list
     * of input lines, hundreds of them for a perfusion study, would otherwise make its row pages long. The whole
     * list stays in the cell, and in findings.csv.
     */
    RowCells wrappedWithinRow(String s) {
        if (s == null || s.isEmpty()) return skip();
        wrappedCell(fit(s));
        return this;
    }

    private void wrappedCell(String v) {
        Cell c = row.createCell(col++);
        c.setCellValue(v);
        c.setCellStyle(Cells.safeText(v).equals(v) ? styles.wrapped : styles.quotedWrapped);
    }

    RowCells styled(String s, CellStyle style) {
        if (s == null) return skip();
        Cell c = row.createCell(col++);
        c.setCellValue(fit(s));
        c.setCellStyle(style);
        return this;
    }

    RowCells severity(Severity s) {
        return s == null ? skip() : styled(s.name(), styles.severity(s));
    }

    /** A measured or reference value: rounded to four decimals so no float noise shows (as in findings.csv). */
    RowCells decimal(Double d) { return number(Cells.rounded(d, 4), styles.decimal); }

    RowCells count(long n) { return number((double) n, styles.integer); }

    /** A dose statistic, stored to four decimals, shown to two. */
    RowCells dose(Double d) { return number(Cells.rounded(d, 4), styles.dose); }

    RowCells lineNumber(long n) { return number((double) n, styles.plainInteger); }

    RowCells number(Double d, CellStyle style) {
        if (d == null || d.isNaN() || d.isInfinite()) return skip();
        Cell c = row.createCell(col++);
        c.setCellValue(d);
        c.setCellStyle(style);
        return this;
    }

    RowCells dateTime(LocalDateTime t) {
        if (t == null) return skip();
        Cell c = row.createCell(col++);
        c.setCellValue(t);
        c.setCellStyle(styles.dateTime);
        return this;
    }

    RowCells date(LocalDate d) {
        if (d == null) return skip();
        Cell c = row.createCell(col++);
        c.setCellValue(d);
        c.setCellStyle(styles.date);
        return this;
    }

    /** A number, or where there is none, the words saying why (a note in the same cell). */
    RowCells change(Double value, String why, CellStyle style) {
        if (value != null) return number(value, style);
        return why == null ? skip() : styled(why, styles.note);
    }

    RowCells skip() {
        col++;
        return this;
    }

    private static String fit(String s) {
        if (s.length() <= MAX_TEXT) return s;
        String tail = " ... (" + (s.length() - 32_000) + " more characters, see findings.csv)";
        return s.substring(0, 32_000) + tail;
    }
}

package org.alaraaudit.report.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One list sheet: a header row, frozen and filtered, then one row per item. When the sheet is full it continues
 * on "NAME (2)", "NAME (3)", ... with the same header, so a huge audit never passes Excel's row limit.
 */
final class Table {
    /** Excel's last row is 1,048,576; one of them is the header. */
    static final int EXCEL_DATA_ROWS = 1_048_575;

    private final Workbook wb;
    private final Styles styles;
    private final String name;
    private final List<Column> columns;
    private final int rowsPerSheet;
    private final List<Sheet> sheets = new ArrayList<>();
    private BiConsumer<Sheet, Integer> finisher = (s, last) -> {};
    private int reviewFrom = Integer.MAX_VALUE;
    private int reviewTo = Integer.MAX_VALUE;
    private int frozenColumns;
    private int titleColumns;
    private final java.util.Map<Integer, org.apache.poi.ss.usermodel.CellStyle> columnStyles = new java.util.HashMap<>();
    private Sheet current;
    private int nextRow;
    private long rows;

    Table(Workbook wb, Styles styles, String name, List<Column> columns, int rowsPerSheet) {
        this.wb = wb;
        this.styles = styles;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.rowsPerSheet = rowsPerSheet;
    }

    /** {@code count} columns from this index on are for the reviewer and get the review header colour. */
    Table reviewColumns(int index, int count) {
        this.reviewFrom = index;
        this.reviewTo = index + count;
        return this;
    }

    /** Keeps the first {@code n} columns in view when the sheet is scrolled sideways (the header row always is). */
    Table frozenColumns(int n) {
        this.frozenColumns = n;
        return this;
    }

    /**
     * The first {@code n} columns name a row (a finding's id, a patient's pseudonym): printed on every page when
     * the list runs over several pages wide, so each page says whose rows it shows.
     */
    Table titleColumns(int n) {
        this.titleColumns = n;
        return this;
    }

    /** A style for the empty cells of a column, e.g. the date format of a date the reviewer types in. */
    Table columnStyle(int column, org.apache.poi.ss.usermodel.CellStyle style) {
        columnStyles.put(column, style);
        return this;
    }

    /** Runs on every sheet of the table once its last row is known (validations, conditional formats). */
    Table onFinish(BiConsumer<Sheet, Integer> f) {
        this.finisher = f;
        return this;
    }

    /** Creates the first sheet now, so the sheet order of the workbook follows the order tables are made in. */
    Table open() {
        if (current == null) newSheet();
        return this;
    }

    RowCells row() {
        open();
        if (nextRow > rowsPerSheet) newSheet();
        rows++;
        Row r = current.createRow(nextRow++);
        // one line per item, taller only where a long text is wrapped (RowCells.wrapped)
        r.setHeightInPoints(TextFit.LINE_POINTS);
        return new RowCells(r, styles, 0);
    }

    void finish() {
        open();
        for (int i = 0; i < sheets.size(); i++) {
            Sheet s = sheets.get(i);
            int last = i < sheets.size() - 1 ? rowsPerSheet : Math.max(nextRow - 1, 1);
            s.setAutoFilter(new CellRangeAddress(0, last, 0, columns.size() - 1));
            finisher.accept(s, last);
        }
    }

    List<String> sheetNames() { return sheets.stream().map(Sheet::getSheetName).toList(); }

    long rows() { return rows; }

    private void newSheet() {
        current = wb.createSheet(sheets.isEmpty() ? name : name + " (" + (sheets.size() + 1) + ")");
        sheets.add(current);
        Row h = current.createRow(0);
        List<Integer> widths = widths();
        int lines = 1;
        for (int i = 0; i < columns.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(columns.get(i).header());
            c.setCellStyle(i >= reviewFrom && i < reviewTo ? styles.reviewHeader : columns.get(i).numeric() ? styles.numericHeader : styles.header);
            current.setColumnWidth(i, widths.get(i) * 256);
            lines = Math.max(lines, TextFit.lines(columns.get(i).header(), widths.get(i), true));
        }
        h.setHeightInPoints(TextFit.points(lines));
        columnStyles.forEach(current::setDefaultColumnStyle);
        current.createFreezePane(frozenColumns, 1);
        current.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        PrintLayout.landscape(current, widths, titleColumns);
        nextRow = 1;
    }

    /** Each column's width: as given, or wider where a word of its header would not fit and be broken in two. */
    private List<Integer> widths() {
        List<Integer> out = new ArrayList<>(columns.size());
        for (Column c : columns) out.add(Math.min(255, Math.max(c.width(), TextFit.headerWidth(c.header()))));
        return out;
    }
}

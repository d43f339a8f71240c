package org.alaraaudit.scanlog;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DateUtil;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A sheet read with FastExcel's reader (StAX, DTDs off): about six times the speed of excel-streaming-reader on a
 * large export, whose per-cell style lookups through XMLBeans were most of its time (docs/benchmarks.md).
 *
 * <p>FastExcel does not say what type a formula's stored result has, and an empty stored result means two things:
 * an empty text the formula computed (Excel's {@code IF(…, "")}), or a number never computed (openpyxl and pandas
 * write formulas so). Such a cell throws {@link CannotRead}, and {@link HandOverSheet} carries on with a reader
 * that tells them apart. So does anything else FastExcel cannot read (a cell type or part it does not know): the table
 * carries on with the other reader from the row where this one stopped.
 */
final class FastExcelSheet implements SheetRows {
    /** The current or next row is one this reader would read otherwise than POI, or cannot tell the meaning of. */
    static final class CannotRead extends RuntimeException {
        CannotRead() { super(null, null, false, false); }
    }

    /** With cell formats: a number is a date when its cell's format says so, as Excel shows it. */
    static final ReadingOptions OPTIONS = new ReadingOptions(true, false);

    private final ReadableWorkbook workbook;
    private final String sheetName;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final boolean date1904;
    private Row row;
    private long rowsRead;

    /**
     * @param date1904 the workbook counts dates from 1904 (FastExcel reads only {@code date1904="true"}, while Excel
     *                 writes {@code "1"}): the table reads the flag itself
     */
    FastExcelSheet(Path path, SheetChoice choice, boolean date1904) throws IOException {
        this.date1904 = date1904;
        // When FastExcel's own opening fails, it leaves its file open and gives nothing to close it by: WorkbookParts
        // tries that opening on a copy in memory first. From here on, whatever fails (an error too) closes the file.
        this.workbook = new ReadableWorkbook(path.toFile(), OPTIONS);
        boolean opened = false;
        try {
            List<Sheet> sheets = workbook.getSheets().toList();
            List<String> names = new ArrayList<>();
            for (Sheet s : sheets) names.add(s.getName());
            this.sheetName = choice.apply(names);
            this.stream = sheets.get(names.indexOf(sheetName)).openStream();
            this.rows = stream.iterator();
            opened = true;
        } finally {
            if (!opened) closeWorkbook();
        }
    }

    @Override
    public String sheetName() { return sheetName; }

    @Override
    public boolean next() {
        Row next = rows.hasNext() ? rows.next() : null;
        // A row without its own number follows the previous one (POI), where FastExcel counts the rows instead: after a
        // gap its count is at or below the previous number. Such a row is the other reader's.
        if (next != null && row != null && next.getRowNum() <= row.getRowNum()) throw new CannotRead();
        row = next;
        if (row != null) rowsRead++;
        return row != null;
    }

    @Override
    public long rowsRead() { return rowsRead; }

    @Override
    public long number() { return row.getRowNum(); }

    @Override
    public Object[] cells(int width) {
        Object[] out = new Object[width < 0 ? row.getCellCount() : width];
        // A cell without its address goes after the previous cell (POI), where FastExcel counts the row's cells
        // instead, and may put it on a cell it already read. FastExcel gives such a cell the row's count for a row,
        // where an addressed cell has its row's number less one: a row with such a cell, or with two cells in one
        // place, is the other reader's.
        int cells = 0;
        for (Cell c : row) {
            if (c == null) continue;
            if (c.getAddress().getRow() != row.getRowNum() - 1) throw new CannotRead();
            cells++;
        }
        if (cells != row.getPhysicalCellCount()) throw new CannotRead();
        for (Cell c : row) {
            if (c == null) continue;
            int i = c.getColumnIndex();
            if (i >= 0 && i < out.length) out[i] = value(c);
        }
        return out;
    }

    private Object value(Cell c) {
        Object v = c.getValue();
        switch (c.getType()) {
            case STRING:
                return text(ExcelEscapes.decode(v == null ? null : v.toString()));
            case NUMBER:
                return number(c);
            case BOOLEAN:
                return v == null ? null : Boolean.TRUE.equals(v) ? "TRUE" : "FALSE";
            case ERROR:
                return c.getRawValue() == null || c.getRawValue().isEmpty() ? "#ERROR" : c.getRawValue();
            case FORMULA:
                // FastExcel types every t="str" cell a formula; one without a formula is a text, as POI reads it.
                if (c.getFormula() == null) return text(ExcelEscapes.decode(v == null ? null : v.toString()));
                if (c.getRawValue() == null) return FORMULA_NOT_COMPUTED; // no stored result at all
                if (c.getRawValue().isEmpty()) throw new CannotRead();
                if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
                if (v instanceof BigDecimal) return number(c);
                // A text result, or an error's text such as #DIV/0!.
                return text(ExcelEscapes.decode(v == null ? null : v.toString()));
            default:
                return null;
        }
    }

    private static String text(Object v) {
        if (v == null) return null;
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /** Parsed from the cell's text as POI parses it, so a value reads the same double whichever reader took it. */
    private Object number(Cell c) {
        double d = Double.parseDouble(c.getRawValue());
        Integer format = c.getDataFormatId();
        if (format != null && DateUtil.isValidExcelDate(d) && DateUtil.isADateFormat(format, c.getDataFormatString())) {
            return DateUtil.getLocalDateTime(d, date1904 || workbook.isDate1904());
        }
        return d;
    }

    @Override
    public void close() {
        // Read-only: nothing was written that closing could lose; the workbook is closed whatever the stream does.
        try {
            if (stream != null) stream.close();
        } catch (RuntimeException e) {
            // the workbook below still closes its file
        }
        closeWorkbook();
    }

    private void closeWorkbook() {
        try {
            workbook.close();
        } catch (IOException | RuntimeException e) {
            // read-only: the failure that led here, if any, is the one to report
        }
    }
}

package org.alaraaudit.scanlog;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * A sheet read with excel-streaming-reader (Apache POI's cell model over a stream of the sheet): slower than
 * {@link FastExcelSheet}, but it reads what POI reads (a formula's stored result type, a row or cell without its
 * address, ISO date cells, Strict OOXML), so {@link HandOverSheet} gives it a sheet from the first row FastExcel
 * cannot read, or the whole workbook when FastExcel cannot open it.
 */
final class StreamingReaderSheet implements SheetRows {
    private static final int ROW_CACHE = 100;

    private final Workbook workbook;
    private final String sheetName;
    private final Iterator<Row> rows;
    private Row row;
    private long rowsRead;

    StreamingReaderSheet(Path path, SheetChoice choice) throws IOException {
        this.workbook = StreamingReader.builder().rowCacheSize(ROW_CACHE).bufferSize(1 << 16).open(path.toFile());
        try {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) names.add(workbook.getSheetName(i));
            this.sheetName = choice.apply(names);
            this.rows = workbook.getSheet(sheetName).rowIterator();
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    @Override
    public String sheetName() { return sheetName; }

    @Override
    public boolean next() {
        row = rows.hasNext() ? rows.next() : null;
        if (row != null) rowsRead++;
        return row != null;
    }

    @Override
    public long rowsRead() { return rowsRead; }

    @Override
    public long number() { return row.getRowNum() + 1L; }

    @Override
    public Object[] cells(int width) {
        Object[] out = new Object[width < 0 ? Math.max(0, row.getLastCellNum()) : width];
        for (Cell c : row) {
            int i = c.getColumnIndex();
            if (i >= 0 && i < out.length) out[i] = value(c);
        }
        return out;
    }

    /** A date-formatted number is a date; other numbers stay numbers, so units can be converted exactly. */
    private static Object value(Cell c) {
        if (c.getCellType() != CellType.FORMULA) return value(c, c.getCellType());
        try {
            CellType t = c.getCachedFormulaResultType();
            Object v = value(c, t);
            // A formula may well compute an empty text; an empty number is one that was never computed.
            return v == null && t != CellType.STRING ? FORMULA_NOT_COMPUTED : v;
        } catch (RuntimeException e) {
            // The reader parses the stored result on demand; an empty one fails to parse.
            return FORMULA_NOT_COMPUTED;
        }
    }

    private static Object value(Cell c, CellType t) {
        switch (t) {
            case STRING: {
                String s = c.getStringCellValue();
                if (s == null) return null;
                s = s.trim();
                return s.isEmpty() ? null : s;
            }
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(c)) return c.getLocalDateTimeCellValue();
                return c.getNumericCellValue();
            case BOOLEAN:
                return c.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR:
                try {
                    return FormulaError.forInt(c.getErrorCellValue()).getString();
                } catch (RuntimeException e) {
                    return "#ERROR";
                }
            default:
                return null;
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException | RuntimeException e) {
            // Read-only; the reader's temporary files are deleted on close where possible.
        }
    }
}

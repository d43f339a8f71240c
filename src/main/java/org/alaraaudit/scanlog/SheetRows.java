package org.alaraaudit.scanlog;

import java.util.List;
import java.util.function.Function;

/**
 * One sheet of an XLSX workbook as rows of cells, as one XLSX reader gives them. Cells are those of
 * {@link TabularFile}, or {@link #FORMULA_NOT_COMPUTED}.
 */
interface SheetRows extends AutoCloseable {
    /** A formula cell whose file holds no result: what it stands for is unknown. */
    Object FORMULA_NOT_COMPUTED = new Object() {
        @Override
        public String toString() { return "a formula without a cached value"; }
    };

    /** Picks the sheet to read from the workbook's sheet names, in workbook order; throws when none will do. */
    interface SheetChoice extends Function<List<String>, String> { }

    String sheetName();

    /** Moves to the next row the sheet holds (a row of empty cells included); false at the sheet's end. */
    boolean next();

    /** The current row's number as a spreadsheet shows it (1 for the first row). */
    long number();

    /** How many rows {@link #next} has moved to, the current one included: where another reader takes over. */
    long rowsRead();

    /** The current row's cells in columns 0 to {@code width - 1}; when {@code width} is negative, up to its last cell. */
    Object[] cells(int width);

    @Override
    void close();
}

package org.alaraaudit.scanlog;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A sheet read with {@link FastExcelSheet} (about six times faster on a large sheet) until a row FastExcel cannot
 * read, and from that row on with {@link StreamingReaderSheet}, which reads what Apache POI reads: a formula whose
 * stored result is empty, a cell type or value FastExcel does not parse, a row or cell whose address FastExcel would
 * place elsewhere than POI. The rows read before are kept; the other reader is moved past them and must agree on
 * where it stands, or the sheet is refused rather than read with a row lost or repeated.
 */
final class HandOverSheet implements SheetRows {
    private final Path path;
    private final String fileName;
    private SheetRows rows;
    private final String sheetName;
    /** The numbers of the last two rows FastExcel gave (-1 for none), so the other reader can be checked against them. */
    private long lastNumber = -1;
    private long previousNumber = -1;
    private long handedOverAt = -1;

    HandOverSheet(Path path, SheetChoice choice, WorkbookParts parts) throws IOException {
        this.path = path;
        this.fileName = path.getFileName().toString();
        this.rows = open(choice, parts);
        this.sheetName = rows.sheetName();
    }

    private SheetRows open(SheetChoice choice, WorkbookParts parts) throws IOException {
        if (!parts.fastExcel()) return new StreamingReaderSheet(path, choice);
        try {
            return new FastExcelSheet(path, choice, parts.date1904());
        } catch (ScanLogException e) {
            throw e; // the sheet asked for is not there: the other reader would find the same
        } catch (IOException | RuntimeException fast) {
            try {
                return new StreamingReaderSheet(path, choice);
            } catch (IOException | RuntimeException slow) {
                slow.addSuppressed(fast);
                throw slow;
            }
        }
    }

    @Override
    public String sheetName() { return sheetName; }

    /** The row at which the other reader took over, or -1 while FastExcel reads (or never did). */
    long handedOverAt() { return handedOverAt; }

    @Override
    public boolean next() {
        try {
            boolean more = rows.next();
            if (more && rows instanceof FastExcelSheet) {
                previousNumber = lastNumber;
                lastNumber = rows.number();
            }
            return more;
        } catch (RuntimeException e) {
            if (!(rows instanceof FastExcelSheet)) throw e;
            // FastExcel failed on a row it had not yet given: the other reader moves past the ones it gave.
            takeOver(rows.rowsRead(), lastNumber, e);
            boolean more = rows.next();
            if (more) handedOverAt = rows.number();
            return more;
        }
    }

    @Override
    public long number() { return rows.number(); }

    @Override
    public long rowsRead() { return rows.rowsRead(); }

    @Override
    public Object[] cells(int width) {
        try {
            return rows.cells(width);
        } catch (RuntimeException e) {
            if (!(rows instanceof FastExcelSheet)) throw e;
            // FastExcel gave this row but cannot read its cells: the other reader stops just before it, then reads it.
            long number = rows.number();
            takeOver(rows.rowsRead() - 1, previousNumber, e);
            if (!rows.next() || rows.number() != number) throw readsDifferently(number);
            handedOverAt = number;
            return rows.cells(width);
        }
    }

    /**
     * Opens the sheet with excel-streaming-reader and moves it past the {@code done} rows FastExcel gave, the last of
     * which was row {@code at}: the other reader must stand on the same row, or the sheet is refused.
     */
    private void takeOver(long done, long at, RuntimeException why) {
        rows.close();
        try {
            rows = new StreamingReaderSheet(path, names -> sheetName);
        } catch (IOException | RuntimeException e) {
            e.addSuppressed(why);
            throw e instanceof RuntimeException r ? r : new java.io.UncheckedIOException((IOException) e);
        }
        for (long k = 0; k < done; k++) {
            if (!rows.next()) throw readsDifferently(at);
        }
        if (done > 0 && rows.number() != at) throw readsDifferently(at);
    }

    private ScanLogException readsDifferently(long row) {
        return new ScanLogException(fileName + ": sheet \"" + sheetName + "\" reads differently on a second reading near row " + row
                + " (rows out of order, or numbered only in part); save the workbook again from Excel or LibreOffice, or export CSV");
    }

    @Override
    public void close() { rows.close(); }
}

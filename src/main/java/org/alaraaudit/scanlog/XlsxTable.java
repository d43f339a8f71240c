package org.alaraaudit.scanlog;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Streams one sheet of an XLSX workbook row by row (excel-streaming-reader), so a 500,000-row export never sits
 * in memory: only a small window of rows is parsed at a time. The header is the first non-empty row; row
 * numbers are the spreadsheet's, as the user sees them in Excel.
 */
final class XlsxTable implements TabularFile {
    private static final int ROW_CACHE = 100;

    private final Path path;
    private final String name;
    private final Workbook workbook;
    private final String sheetName;
    private final Iterator<org.apache.poi.ss.usermodel.Row> rows;
    private final List<String> header = new ArrayList<>();
    private TabularFile.Row pending;
    /** Taken before the workbook is opened; the run checks at the end that the file did not change since. */
    private final String sha256;

    /**
     * @param sheet      the sheet the user named, or null
     * @param preferred  sheets to take when present and the user named none (a profile's sheet, e.g. OpenREM's
     *                   "All data"), in order; otherwise the first sheet
     */
    XlsxTable(Path path, String sheet, List<String> preferred) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.sha256 = ScanLogInput.sha256(path);
        this.workbook = open(path);
        try {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) names.add(workbook.getSheetName(i));
            if (names.isEmpty()) throw new ScanLogException(name + ": the workbook has no sheets");
            this.sheetName = choose(names, sheet, preferred);
            Sheet s = workbook.getSheet(sheetName);
            this.rows = s.rowIterator();
            readHeader();
        } catch (RuntimeException e) {
            close();
            throw wrap(e);
        }
    }

    private Workbook open(Path p) {
        try {
            return StreamingReader.builder().rowCacheSize(ROW_CACHE).bufferSize(1 << 16).open(p.toFile());
        } catch (RuntimeException e) {
            throw wrap(e);
        }
    }

    private ScanLogException wrap(RuntimeException e) {
        if (e instanceof ScanLogException s) return s;
        String detail = String.valueOf(e.getMessage());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) detail += " " + t.getMessage();
        if (detail.contains("Zip bomb")) {
            return new ScanLogException(name + ": the workbook expands to far more data than its file size "
                    + "(Apache POI's zip-bomb guard refused it); export the log as CSV instead", e);
        }
        if (detail.toLowerCase(Locale.ROOT).contains("encrypt") || detail.toLowerCase(Locale.ROOT).contains("password")) {
            return new ScanLogException(name + ": the workbook is password-protected; save an unprotected copy", e);
        }
        return new ScanLogException(name + ": cannot be read as an XLSX workbook (" + e.getMessage()
                + "); save it as .xlsx or export CSV", e);
    }

    private String choose(List<String> names, String sheet, List<String> preferred) {
        if (sheet != null) {
            for (String n : names) if (n.equalsIgnoreCase(sheet.trim())) return n;
            throw new ScanLogException(name + ": the workbook has no sheet \"" + sheet + "\"; its sheets are: "
                    + String.join(", ", names));
        }
        for (String want : preferred) {
            for (String n : names) if (want != null && n.equalsIgnoreCase(want.trim())) return n;
        }
        return names.get(0);
    }

    private void readHeader() {
        while (rows.hasNext()) {
            org.apache.poi.ss.usermodel.Row r = rows.next();
            Object[] cells = cells(r, Math.max(0, r.getLastCellNum()));
            boolean any = false;
            for (Object c : cells) any |= c != null;
            if (!any) continue;
            for (Object c : cells) header.add(c == null || c == NO_CACHED_VALUE ? "" : CellText.text(c));
            return;
        }
        throw new ScanLogException(name + ": sheet \"" + sheetName + "\" is empty; expected a header row with the column names");
    }

    String sheetName() { return sheetName; }

    @Override
    public String sha256() { return sha256; }

    @Override
    public Path path() { return path; }

    @Override
    public List<String> header() { return header; }

    @Override
    public boolean decimalComma() { return false; }

    @Override
    public boolean hasNext() {
        try {
            while (pending == null && rows.hasNext()) {
                org.apache.poi.ss.usermodel.Row r = rows.next();
                // Cells right of the last header column have no name; like spreadsheet notes, they are not data.
                Object[] cells = cells(r, header.size());
                for (Object c : cells) {
                    if (c != null) {
                        pending = withoutCachedValue(r.getRowNum() + 1L, cells);
                        break;
                    }
                }
            }
            return pending != null;
        } catch (RuntimeException e) {
            throw wrap(e);
        }
    }

    @Override
    public TabularFile.Row next() {
        if (!hasNext()) throw new NoSuchElementException();
        TabularFile.Row r = pending;
        pending = null;
        return r;
    }

    /**
     * The row, or when a cell holds a formula whose result was never computed (openpyxl and pandas write formulas
     * so) the row rejected for that cell: the value the formula stands for is unknown, the rest of the workbook is
     * not.
     */
    private TabularFile.Row withoutCachedValue(long line, Object[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != NO_CACHED_VALUE) continue;
            String cell = org.apache.poi.ss.util.CellReference.convertNumToColString(i) + line;
            return new TabularFile.Row(line, new Object[cells.length], 0, header.get(i), "is a formula without a cached value"
                    + " (sheet \"" + sheetName + "\" cell " + cell + "); open and save the workbook in Excel or LibreOffice"
                    + " so that its result is stored");
        }
        return new TabularFile.Row(line, cells, 0);
    }

    /** A formula cell whose file holds no result: what it stands for is unknown. */
    private static final Object NO_CACHED_VALUE = new Object();

    private static Object[] cells(org.apache.poi.ss.usermodel.Row r, int width) {
        Object[] out = new Object[width];
        for (Cell c : r) {
            int i = c.getColumnIndex();
            if (i >= 0 && i < width) out[i] = value(c);
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
            return v == null && t != CellType.STRING ? NO_CACHED_VALUE : v;
        } catch (RuntimeException e) {
            // The reader parses the stored result on demand; an empty one fails to parse.
            return NO_CACHED_VALUE;
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

    /** True when the file starts like a ZIP archive, as every XLSX workbook does, whatever its name. */
    static boolean looksLikeXlsx(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** True for the old binary Excel format (OLE2), which this tool does not read. */
    static boolean looksLikeXls(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            if (workbook != null) workbook.close();
        } catch (IOException | RuntimeException ignored) {
            // Read-only; temporary files of the streaming reader are deleted on close where possible.
        }
    }
}

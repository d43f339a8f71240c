package org.alaraaudit.scanlog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Streams one sheet of an XLSX workbook row by row, so a 500,000-row export never sits in memory. The header is
 * the first non-empty row; row numbers are the spreadsheet's, as the user sees them in Excel.
 *
 * <p>{@link WorkbookParts} first inflates every part through Apache POI's zip-bomb guard; the sheet is then read
 * by {@link HandOverSheet}: with FastExcel, and from the first row FastExcel cannot read with excel-streaming-reader.
 */
final class XlsxTable implements TabularFile {
    private final Path path;
    private final String name;
    private final String requestedSheet;
    private final List<String> preferred;
    private HandOverSheet rows;
    private final String sheetName;
    private final List<String> header = new ArrayList<>();
    private TabularFile.Row pending;
    /** See {@link TabularFile#keepCellsPastHeader()}. */
    private boolean keepPastHeader;
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
        this.requestedSheet = sheet;
        this.preferred = preferred;
        this.sha256 = FileDigest.ofInput(path);
        WorkbookParts parts;
        try {
            parts = WorkbookParts.inspect(path);
        } catch (IOException | RuntimeException e) {
            throw wrap(e);
        }
        try {
            this.rows = new HandOverSheet(path, this::choose, parts);
            this.sheetName = rows.sheetName();
            SharedTextScan.PastTheEnd damaged = parts.pastTheEnd().get(sheetName);
            if (damaged != null) throw pastTheEnd(damaged);
            readHeader();
        } catch (IOException | RuntimeException e) {
            close();
            throw wrap(e);
        }
    }

    /**
     * A row neither reader can read: the library's own words stay in the cause (shown with --verbose), since they may
     * quote cells of the sheet, patient identifiers among them.
     */
    private ScanLogException unreadableRow(RuntimeException e) {
        if (e instanceof ScanLogException s) return s;
        ScanLogException known = wrap(e);
        if (!known.getMessage().contains("cannot be read as an XLSX workbook")) return known;
        String where;
        try {
            where = "near row " + rows.number();
        } catch (RuntimeException noRow) {
            where = "after its header";
        }
        return new ScanLogException(name + ": sheet \"" + sheetName + "\" cannot be read " + where
                + " (a part or cell of the workbook is damaged or in a form neither XLSX reader takes); save it again from"
                + " Excel or LibreOffice, or export CSV", e);
    }

    /**
     * A cell whose shared-text index is past the end of the table: refused before any row is read, as a cell neither
     * reader can read stops the run, since FastExcel would read it as an empty text (or run out of memory) and POI's
     * own message lists the whole table, whose texts may identify patients.
     */
    private ScanLogException pastTheEnd(SharedTextScan.PastTheEnd cell) {
        return new ScanLogException(name + ": sheet \"" + sheetName + "\" row " + cell.row() + ", column " + cell.columnName()
                + ": the cell's shared-text index (" + cell.index() + ") is past the end of the workbook's table of shared texts ("
                + cell.texts() + (cell.texts() == 1 ? " text" : " texts") + "); the workbook is damaged: save it again from Excel"
                + " or LibreOffice, or export CSV");
    }

    private ScanLogException wrap(Exception e) {
        if (e instanceof ScanLogException s) return s;
        String detail = String.valueOf(e.getMessage());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) detail += " " + t.getMessage();
        for (Throwable t : e.getSuppressed()) detail += " " + t.getMessage();
        if (detail.contains("Zip bomb")) {
            return new ScanLogException(name + ": the workbook expands to far more data than its file size "
                    + "(Apache POI's zip-bomb guard refused it); export the log as CSV instead", e);
        }
        if (detail.toLowerCase(Locale.ROOT).contains("encrypt") || detail.toLowerCase(Locale.ROOT).contains("password")) {
            return new ScanLogException(name + ": the workbook is password-protected; save an unprotected copy", e);
        }
        String lower = detail.toLowerCase(Locale.ROOT);
        if (lower.contains("entity") || lower.contains("dtd") || lower.contains("doctype")) {
            return new ScanLogException(name + ": the workbook's XML declares a document type or entities, which"
                    + " spreadsheet programs never write; it is not read (save it again from Excel or LibreOffice, or export CSV)", e);
        }
        return new ScanLogException(name + ": cannot be read as an XLSX workbook (" + reason(e)
                + "); save it as .xlsx or export CSV", e);
    }

    /**
     * A parser's message without the class names and source positions it starts and ends with, and without what it
     * quotes of the workbook's texts (POI lists the whole shared-string table of a bad index), which may identify
     * patients.
     */
    static String reason(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int line = m.indexOf('\n');
        if (line >= 0) m = m.substring(0, line);
        int quoted = m.indexOf(" with strings");
        if (quoted >= 0) m = m.substring(0, quoted);
        if (m.startsWith("For input string")) m = "a cell's stored value is not of its type";
        return m.replaceFirst("^([a-zA-Z_$][\\w$]*\\.)+[\\w$]*(Exception|Error): ", "").trim();
    }

    private String choose(List<String> names) {
        if (names.isEmpty()) throw new ScanLogException(name + ": the workbook has no sheets");
        if (requestedSheet != null) {
            for (String n : names) if (n.equalsIgnoreCase(requestedSheet.trim())) return n;
            throw new ScanLogException(name + ": the workbook has no sheet \"" + requestedSheet + "\"; its sheets are: "
                    + String.join(", ", names));
        }
        for (String want : preferred) {
            for (String n : names) if (want != null && n.equalsIgnoreCase(want.trim())) return n;
        }
        return names.get(0);
    }

    private void readHeader() throws IOException {
        while (rows.next()) {
            Object[] cells = rows.cells(-1);
            boolean any = false;
            for (Object c : cells) any |= c != null;
            if (!any) continue;
            for (Object c : cells) header.add(c == null || c == SheetRows.FORMULA_NOT_COMPUTED ? "" : CellText.text(c));
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
            while (pending == null && rows.next()) {
                // Cells right of the last header column have no name; like spreadsheet notes, they are not data,
                // unless the profile reads them as further event blocks.
                Object[] cells = keepPastHeader ? atLeastHeader(rows.cells(-1)) : rows.cells(header.size());
                for (Object c : cells) {
                    if (c != null) {
                        pending = withoutCachedValue(rows.number(), cells);
                        break;
                    }
                }
            }
            return pending != null;
        } catch (RuntimeException e) {
            throw unreadableRow(e);
        }
    }

    @Override
    public void keepCellsPastHeader() { keepPastHeader = true; }

    /** A row's cells up to its last cell, and no fewer than the header's, as every reader of a row expects. */
    private Object[] atLeastHeader(Object[] cells) {
        return cells.length >= header.size() ? cells : java.util.Arrays.copyOf(cells, header.size());
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
     * not. The rejected row keeps its other cells, every formula of it blank: those that name its study find the study
     * it leaves incomplete.
     */
    private TabularFile.Row withoutCachedValue(long line, Object[] cells) {
        int first = -1;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != SheetRows.FORMULA_NOT_COMPUTED) continue;
            if (first < 0) first = i;
            cells[i] = null;
        }
        if (first < 0) return new TabularFile.Row(line, cells, 0);
        String cell = org.apache.poi.ss.util.CellReference.convertNumToColString(first) + line;
        return new TabularFile.Row(line, cells, 0, first < header.size() ? header.get(first) : "(past the header)", "is a formula without a cached value"
                + " (sheet \"" + sheetName + "\" cell " + cell + "); open and save the workbook in Excel or LibreOffice"
                + " so that its result is stored");
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
        if (rows != null) rows.close();
    }
}

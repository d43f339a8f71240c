package org.alaraaudit.scanlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Streams one sheet of an XLSX workbook row by row, so a 500,000-row export never sits in memory. The header is
 * the first non-empty row; row numbers are the spreadsheet's, as the user sees them in Excel.
 *
 * <p>The sheet is read with {@link FastExcelSheet}, about six times faster than {@link StreamingReaderSheet}; from
 * the first row FastExcel cannot read (a formula whose stored result is empty, a part or cell type it does not know,
 * a value it will not parse) the sheet is read on with excel-streaming-reader, which reads what Apache POI reads.
 * Neither guards against a workbook that inflates to far more than its size; Apache POI does, so every part is
 * first inflated once through its {@link ZipSecureFile} (a small part of the parse), and a zip bomb is refused
 * before any row is read.
 */
final class XlsxTable implements TabularFile {
    private final Path path;
    private final String name;
    private final String requestedSheet;
    private final List<String> preferred;
    private SheetRows rows;
    private final String sheetName;
    /** The workbook counts its dates from 1904, as its workbook part says ({@code date1904="1"} or {@code "true"}). */
    private boolean date1904;
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
        this.requestedSheet = sheet;
        this.preferred = preferred;
        this.sha256 = ScanLogInput.sha256(path);
        refuseZipBomb();
        try {
            this.rows = open();
            this.sheetName = rows.sheetName();
            readHeader();
        } catch (IOException | RuntimeException e) {
            close();
            throw wrap(e);
        }
    }

    private SheetRows open() throws IOException {
        try {
            return new FastExcelSheet(path, this::choose, date1904);
        } catch (ScanLogException e) {
            throw e; // the sheet asked for is not there: the other reader would find the same
        } catch (IOException | RuntimeException fast) {
            try {
                return new StreamingReaderSheet(path, this::choose);
            } catch (IOException | RuntimeException slow) {
                slow.addSuppressed(fast);
                throw slow;
            }
        }
    }

    /** The workbook properties' flag of the 1904 date system, set as Excel ("1") or as POI ("true") writes it. */
    private static final java.util.regex.Pattern DATE_1904 =
            java.util.regex.Pattern.compile("<(\\w+:)?workbookPr\\b[^>]*\\bdate1904\\s*=\\s*[\"'](1|true)[\"']");

    /** Inflates every part through POI's guard, which stops at the first part that expands past its ratio. */
    private void refuseZipBomb() {
        try (ZipSecureFile zip = new ZipSecureFile(path.toFile())) {
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().toLowerCase(Locale.ROOT).endsWith("workbook.xml")) {
                        date1904 |= DATE_1904.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).find();
                    } else {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw wrap(e);
        }
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

    /** A parser's message without the class names and source positions it starts and ends with. */
    static String reason(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int line = m.indexOf('\n');
        if (line >= 0) m = m.substring(0, line);
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

    /** Moves to the next row; where FastExcel cannot read on, the other reader takes over from that row. */
    private boolean advance() throws IOException {
        try {
            return rows.next();
        } catch (RuntimeException e) {
            if (!(rows instanceof FastExcelSheet)) throw e;
            takeOver(rows.rowsRead(), -1, e);
            return rows.next();
        }
    }

    /** The current row's cells; where FastExcel cannot read them, the other reader's, of the same row. */
    private Object[] cells(int width) throws IOException {
        try {
            return rows.cells(width);
        } catch (RuntimeException e) {
            if (!(rows instanceof FastExcelSheet)) throw e;
            long number = rows.number();
            takeOver(rows.rowsRead() - 1, number, e);
            if (!rows.next() || rows.number() != number) {
                throw new ScanLogException(name + ": sheet \"" + sheetName + "\" row " + number + " reads differently on a"
                        + " second reading (rows out of order or without their numbers); save the workbook again from Excel"
                        + " or LibreOffice, or export CSV");
            }
            return rows.cells(width);
        }
    }

    /** Opens the sheet with excel-streaming-reader and moves past the {@code done} rows FastExcel gave. */
    private void takeOver(long done, long number, RuntimeException why) throws IOException {
        rows.close();
        try {
            rows = new StreamingReaderSheet(path, names -> sheetName);
        } catch (IOException | RuntimeException e) {
            e.addSuppressed(why);
            throw e;
        }
        for (long k = 0; k < done; k++) {
            if (!rows.next()) throw new ScanLogException(name + ": sheet \"" + sheetName + "\" has fewer rows on a second reading");
        }
    }

    private void readHeader() throws IOException {
        while (advance()) {
            Object[] cells = cells(-1);
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
            while (pending == null && advance()) {
                // Cells right of the last header column have no name; like spreadsheet notes, they are not data.
                Object[] cells = cells(header.size());
                for (Object c : cells) {
                    if (c != null) {
                        pending = withoutCachedValue(rows.number(), cells);
                        break;
                    }
                }
            }
            return pending != null;
        } catch (IOException | RuntimeException e) {
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
            if (cells[i] != SheetRows.FORMULA_NOT_COMPUTED) continue;
            String cell = org.apache.poi.ss.util.CellReference.convertNumToColString(i) + line;
            return new TabularFile.Row(line, new Object[cells.length], 0, header.get(i), "is a formula without a cached value"
                    + " (sheet \"" + sheetName + "\" cell " + cell + "); open and save the workbook in Excel or LibreOffice"
                    + " so that its result is stored");
        }
        return new TabularFile.Row(line, cells, 0);
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

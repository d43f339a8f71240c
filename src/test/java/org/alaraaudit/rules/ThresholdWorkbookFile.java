package org.alaraaudit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A safety officer's edit of {@code tables/thresholds.drl.xlsx}, done with POI in a copy of the shipped rules: find
 * a table's row by its key and a column by its label, change the cell, save.
 */
public final class ThresholdWorkbookFile {
    public static final Path RULES = Path.of("rules");
    private final Path file;
    private final XSSFWorkbook wb;
    private final Sheet sheet;
    private final DataFormatter text = new DataFormatter(java.util.Locale.ROOT);

    public ThresholdWorkbookFile(Path rulesDir) {
        this.file = rulesDir.resolve("tables").resolve(ThresholdWorkbook.FILE);
        try (InputStream in = Files.newInputStream(file)) {
            this.wb = new XSSFWorkbook(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.sheet = wb.getSheetAt(0);
    }

    /** The shipped rules folder, copied byte for byte (the workbook is binary). */
    public static Path rulesCopy(Path target) {
        try (Stream<Path> s = Files.walk(RULES)) {
            for (Path p : s.toList()) {
                Path to = target.resolve(RULES.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based sheet row of a table's data row; the key of the cumulative table is "metric population level". */
    public int row(String table, String key) {
        int header = header(table);
        for (int r = header + 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || cell(row, 0).isEmpty() && cell(row, 1).isEmpty()) break;
            String k = table.equals(ThresholdFacts.Table.CUMULATIVE.title())
                    ? cell(row, 0) + " " + cell(row, 1) + " " + cell(row, 2) : cell(row, 0);
            if (k.equals(key)) return r + 1;
        }
        throw new IllegalArgumentException("no row " + key + " in " + table);
    }

    /** The 0-based column of a label in a table's label row. */
    public int column(String table, String label) {
        Row labels = sheet.getRow(header(table) + 4);
        for (Cell c : labels) if (text.formatCellValue(c).equals(label)) return c.getColumnIndex();
        throw new IllegalArgumentException("no column " + label + " in " + table);
    }

    private int header(String table) {
        for (Row r : sheet) if (cell(r, 0).equals("RuleTable " + table)) return r.getRowNum();
        throw new IllegalArgumentException("no RuleTable " + table);
    }

    /** Sets a cell: a Number as a number cell, a String as text, null blanks it. */
    public ThresholdWorkbookFile set(String table, String key, String label, Object value) {
        return setCell(row(table, key), column(table, label), value);
    }

    public ThresholdWorkbookFile setCell(int sheetRow, int column, Object value) {
        Row r = sheet.getRow(sheetRow - 1);
        if (r == null) r = sheet.createRow(sheetRow - 1);
        Cell c = r.getCell(column);
        if (c == null) c = r.createCell(column);
        if (value == null) c.setBlank();
        else if (value instanceof Number n) c.setCellValue(n.doubleValue());
        else c.setCellValue(value.toString());
        return this;
    }

    public String get(int sheetRow, int column) {
        Row r = sheet.getRow(sheetRow - 1);
        return r == null ? "" : cell(r, column);
    }

    private String cell(Row r, int column) {
        Cell c = r.getCell(column);
        return c == null ? "" : text.formatCellValue(c).trim();
    }

    public Path save() {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
            wb.close();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

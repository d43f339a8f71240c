package org.alaraaudit.history;

import com.github.pjfanning.xlsx.StreamingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Streams the Findings sheet of an audit workbook, its continuation sheets "Findings (2)", ..., and the Open reviews
 * sheet of earlier periods' findings still open (same key and review columns), reading
 * columns by their header names (the layout report/excel/FindingsSheet writes), so a 1,000,000-row workbook
 * never sits in memory. Rows without a finding id and without review values are skipped.
 */
public final class ReviewWorkbook {
    /** The identifying columns an import checks against the store, and the review columns it reads. */
    static final List<String> REQUIRED = List.of("finding_id", "rule_id", "severity", "accession_number",
            "review_status", "justification", "reviewer", "reviewed_on");
    private static final Pattern FINDINGS_SHEET = Pattern.compile("(Findings|Open reviews)( \\(\\d+\\))?");

    /** One row of a Findings sheet as the reviewer left it; {@code row} is the spreadsheet's 1-based row number. */
    public record Row(String sheet, int row, String findingId, String ruleId, String severity, String accessionNumber,
                      String status, String justification, String reviewer, Object reviewedOn) {
        boolean reviewed() { return status != null || justification != null || reviewer != null || reviewedOn != null; }

        /** Where a message points: "Findings!12", or "Findings (2)!5". */
        public String where() { return sheet + "!" + row; }
    }

    /** The workbook cannot be used: missing, not XLSX, no Findings sheet, or its header lacks a column. */
    public static final class UnusableException extends RuntimeException {
        UnusableException(String message, Throwable cause) { super(message, cause); }
    }

    private ReviewWorkbook() {}

    /** Hands each row of every Findings sheet, in sheet and row order, to {@code rows}. */
    public static void read(Path workbook, Consumer<Row> rows) {
        String name = workbook.getFileName().toString();
        if (!Files.isRegularFile(workbook)) throw new UnusableException(workbook + ": no such file", null);
        Workbook wb;
        try {
            wb = StreamingReader.builder().rowCacheSize(100).bufferSize(1 << 16).open(workbook.toFile());
        } catch (RuntimeException e) {
            throw new UnusableException(name + ": cannot be read as an XLSX workbook (" + HistoryStore.rootMessage(e) + ")", e);
        }
        try (wb) {
            List<String> sheets = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                if (FINDINGS_SHEET.matcher(wb.getSheetName(i)).matches()) sheets.add(wb.getSheetName(i));
            }
            if (sheets.isEmpty()) {
                throw new UnusableException(name + ": no \"Findings\" sheet; is this a workbook written by alara-audit audit?", null);
            }
            for (String s : sheets) readSheet(name, wb.getSheet(s), s, rows);
        } catch (java.io.IOException e) {
            throw new UnusableException(name + ": " + e.getMessage(), e);
        }
    }

    private static void readSheet(String file, Sheet sheet, String sheetName, Consumer<Row> out) {
        Map<String, Integer> columns = null;
        for (org.apache.poi.ss.usermodel.Row r : sheet) {
            if (columns == null) {
                Map<String, Integer> header = new HashMap<>();
                for (Cell c : r) {
                    Object v = value(c);
                    if (v instanceof String s) header.putIfAbsent(s.trim().toLowerCase(Locale.ROOT), c.getColumnIndex());
                }
                if (!header.containsKey("finding_id")) {
                    if (r.getRowNum() > 10) break;
                    continue; // a title above the header
                }
                List<String> missing = REQUIRED.stream().filter(k -> !header.containsKey(k)).toList();
                if (!missing.isEmpty()) {
                    throw new UnusableException(file + ": sheet \"" + sheetName + "\" lacks the column" + (missing.size() == 1 ? " " : "s ")
                            + String.join(", ", missing) + "; review import reads the columns the audit wrote", null);
                }
                columns = header;
                continue;
            }
            Object[] cells = new Object[REQUIRED.size()];
            for (Cell c : r) {
                for (int i = 0; i < REQUIRED.size(); i++) if (columns.get(REQUIRED.get(i)) == c.getColumnIndex()) cells[i] = value(c);
            }
            Row row = new Row(sheetName, r.getRowNum() + 1, text(cells[0]), text(cells[1]), text(cells[2]), text(cells[3]),
                    text(cells[4]), text(cells[5]), text(cells[6]), cells[7]);
            if (row.findingId() == null && !row.reviewed()) continue;
            out.accept(row);
        }
        if (columns == null) {
            throw new UnusableException(file + ": sheet \"" + sheetName + "\" has no header row with finding_id", null);
        }
    }

    private static Object value(Cell c) {
        CellType t = c.getCellType();
        if (t == CellType.FORMULA) t = c.getCachedFormulaResultType();
        return switch (t) {
            case STRING -> {
                String s = c.getStringCellValue();
                yield s == null || s.isBlank() ? null : s.trim();
            }
            case NUMERIC -> DateUtil.isCellDateFormatted(c) ? c.getLocalDateTimeCellValue() : (Object) c.getNumericCellValue();
            case BOOLEAN -> c.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> null;
        };
    }

    /** A cell as text: whole numbers without ".0" (an accession number Excel turned into a number). */
    static String text(Object v) {
        if (v == null) return null;
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
            return d.toString();
        }
        if (v instanceof LocalDateTime t) return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        return v.toString();
    }

    /**
     * reviewed_on as a date: a date cell, or text YYYY-MM-DD (or with a time after it).
     *
     * @throws IllegalArgumentException when it is neither
     */
    static LocalDate date(Object v) {
        if (v == null) return null;
        if (v instanceof LocalDateTime t) return t.toLocalDate();
        if (v instanceof Double) throw new IllegalArgumentException("reviewed_on " + text(v) + " is a number, not a date");
        String s = v.toString().trim();
        try {
            return LocalDate.parse(s.length() > 10 && (s.charAt(10) == 'T' || s.charAt(10) == ' ') ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("reviewed_on \"" + s + "\" is not a date (expected YYYY-MM-DD)");
        }
    }

}

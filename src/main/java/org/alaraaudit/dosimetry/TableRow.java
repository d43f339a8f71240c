package org.alaraaudit.dosimetry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.alaraaudit.model.TableException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * One data row of a dosimetry reference table, with the file name and 1-based line so that every
 * complaint about a value points a safety officer at the cell to fix.
 */
final class TableRow {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            // Empty lines are kept (and skipped below) so that the line count stays true to the file.
            .setIgnoreEmptyLines(false)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setTrim(true)
            .get();

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final String file;
    private final long line;
    private final CSVRecord record;
    private final Map<String, String> columns;

    private TableRow(String file, long line, CSVRecord record, Map<String, String> columns) {
        this.file = file;
        this.line = line;
        this.record = record;
        this.columns = columns;
    }

    /**
     * Reads every non-blank row. Header names match case-insensitively (a spreadsheet's byte-order mark is
     * ignored); a missing required column is reported against line 1, the header.
     */
    static List<TableRow> readAll(Reader reader, String file, List<String> requiredColumns) {
        CSVParser parser = open(reader, file);
        try (parser) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String header : parser.getHeaderNames()) columns.put(normalise(header), header);
            if (columns.isEmpty()) throw new TableException(file, 1, "the table is empty (no header line)");
            for (String required : requiredColumns) {
                if (!columns.containsKey(required)) {
                    throw new TableException(file, 1, "missing column '" + required + "' (header has " + parser.getHeaderNames() + ")");
                }
            }
            List<TableRow> rows = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            long consumed = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) break;
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new TableException(file, consumed + 1, "unreadable CSV: " + rootMessage(e));
                }
                // The parser has just consumed this record's lines, so it starts one after the previous count.
                long line = consumed + 1;
                consumed = parser.getCurrentLineNumber();
                if (isBlank(record)) continue;
                if (record.size() != columns.size()) {
                    throw new TableException(file, line, "row has " + record.size() + " values but the header has "
                            + columns.size() + " columns");
                }
                rows.add(new TableRow(file, line, record, columns));
            }
            return rows;
        } catch (IOException e) {
            throw new TableException(file, 0, "cannot close the table: " + e.getMessage());
        }
    }

    private static CSVParser open(Reader reader, String file) {
        try {
            return CSVParser.parse(reader, FORMAT);
        } catch (IOException | UncheckedIOException e) {
            throw new TableException(file, 1, "cannot read the header: " + rootMessage(e));
        } catch (IllegalArgumentException e) {
            throw new TableException(file, 1, "bad header: " + e.getMessage());
        }
    }

    String file() { return file; }

    long line() { return line; }

    /** The trimmed cell, "" when blank. */
    String text(String column) {
        String value = record.get(columns.get(column));
        return value == null ? "" : value.trim();
    }

    /** The trimmed cell of a column the table may leave out (a site's older copy): "" when absent or blank. */
    String optionalColumnText(String column) {
        String header = columns.get(column);
        if (header == null) return "";
        String value = record.get(header);
        return value == null ? "" : value.trim();
    }

    String requiredText(String column) {
        String value = text(column);
        if (value.isEmpty()) throw error("'" + column + "' is blank");
        return value;
    }

    double number(String column) {
        String value = text(column);
        if (value.isEmpty()) throw error("'" + column + "' is blank; a number is required");
        return parse(column, value);
    }

    double positiveNumber(String column) {
        double value = number(column);
        if (value <= 0) throw error("'" + column + "' must be greater than 0, found '" + text(column) + "'");
        return value;
    }

    /** A blank cell means "none" (for example an open-ended band); anything else must be a number. */
    Double optionalNumber(String column) {
        String value = text(column);
        return value.isEmpty() ? null : parse(column, value);
    }

    /** The CTDI phantom diameter: only the two standard phantoms exist. Blank gives null. */
    Integer optionalPhantom(String column) {
        Double value = optionalNumber(column);
        if (value == null) return null;
        if (value != 16 && value != 32) throw error("'" + column + "' must be 16 or 32 (cm), found '" + text(column) + "'");
        return value.intValue();
    }

    int phantom(String column) {
        Integer value = optionalPhantom(column);
        if (value == null) throw error("'" + column + "' is blank; 16 or 32 (cm) is required");
        return value;
    }

    AgeBand ageBand(String minColumn, String maxColumn) {
        Double min = optionalNumber(minColumn);
        Double max = optionalNumber(maxColumn);
        if (min != null && min < 0) throw error("'" + minColumn + "' must not be negative, found '" + text(minColumn) + "'");
        try {
            return new AgeBand(min, max);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    TableException error(String message) {
        return new TableException(file, line, message);
    }

    private double parse(String column, String value) {
        // Plain decimals only: Java would also take "2.5d", "0x1p3" or "NaN", which no table author means.
        if (!DECIMAL.matcher(value).matches()) throw error("'" + column + "' is not a number: '" + value + "'");
        double parsed = Double.parseDouble(value);
        if (!Double.isFinite(parsed)) throw error("'" + column + "' is out of range: '" + value + "'");
        return parsed;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) if (value != null && !value.isBlank()) return false;
        return true;
    }

    private static String normalise(String header) {
        return header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }
}

package org.alaraaudit.rules;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.alaraaudit.model.Range;
import org.alaraaudit.model.TableException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A policy table as a safety officer edits it: CSV with a header row. Every error names the file, the line and
 * the column, so that a typo in a threshold is found in seconds.
 */
public final class TableFile {
    private final String name;
    private final List<String> header;
    private final List<Row> rows;

    private TableFile(String name, List<String> header, List<Row> rows) {
        this.name = name;
        this.header = header;
        this.rows = rows;
    }

    public static TableFile read(Path file, String displayName, String... requiredColumns) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, displayName, requiredColumns);
        } catch (IOException e) {
            throw new TableException(displayName, 0, "cannot be read: " + e.getMessage());
        }
    }

    public static TableFile read(Reader reader, String name, String... requiredColumns) {
        try (CSVParser p = CSVParser.builder().setReader(reader)
                .setFormat(CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get()).get()) {
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                long line = p.getCurrentLineNumber();
                if (header == null) {
                    header = new ArrayList<>();
                    for (String h : rec) header.add(h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
                    for (String req : requiredColumns) {
                        if (!header.contains(req)) throw new TableException(name, line, "column '" + req + "' is missing from the header");
                    }
                    continue;
                }
                if (rec.size() == 1 && rec.get(0).isBlank()) continue;
                if (rec.get(0).startsWith("#")) continue;
                if (rec.size() > header.size()) {
                    throw new TableException(name, line, "has " + rec.size() + " cells but the header has " + header.size()
                            + " (a comma inside a value needs double quotes)");
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < rec.size(); i++) {
                    String v = rec.get(i).trim();
                    if (!v.isEmpty()) cells.put(header.get(i), v);
                }
                rows.add(new Row(name, line, cells));
            }
            if (header == null) throw new TableException(name, 0, "is empty; expected a header row");
            return new TableFile(name, header, rows);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new TableException(name, 0, "is not a readable CSV table: " + e.getMessage());
        }
    }

    /** The oldest and heaviest patient a table row may name; the scan-log rows are held to the same limits. */
    static final double MAX_AGE_YEARS = 130;
    static final double MAX_WEIGHT_KG = 400;

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern DECIMAL_WITH_EXPONENT = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");

    /**
     * A number as a safety officer writes one in a table: digits with an optional point and sign, nothing else.
     * Java's own parser also takes "NaN", "Infinity", "0x1p10" or "2.5d", and a NaN threshold silently switches
     * its rule off (every comparison with it is false). Null when the text is not such a number.
     */
    public static Double decimal(String text) { return parse(text, PLAIN_DECIMAL); }

    /**
     * As {@link #decimal}, also with a decimal exponent ("1.5E-4"): how spreadsheet software may render a cell's
     * number, which the thresholds workbook hands over as text.
     */
    static Double decimalOrExponent(String text) { return parse(text, DECIMAL_WITH_EXPONENT); }

    private static Double parse(String text, Pattern form) {
        if (text == null) return null;
        String t = text.trim();
        if (!form.matcher(t).matches()) return null;
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? d : null;
    }

    public String name() { return name; }

    public List<String> header() { return header; }

    public List<Row> rows() { return rows; }

    /** The same table with other rows, e.g. with the thresholds workbook's values laid over them. */
    public TableFile withRows(List<Row> replaced) { return new TableFile(name, header, List.copyOf(replaced)); }

    /** One data row; typed getters fail with the file, line and column. */
    public record Row(String file, long line, Map<String, String> cells) {
        public String text(String column) { return cells.get(column); }

        public String required(String column) {
            String v = cells.get(column);
            if (v == null) throw error(column, "is required but empty");
            return v;
        }

        /**
         * A non-negative plain decimal ({@link #decimal}): every number of the policy tables is an age, a weight, a
         * dose or a dose threshold. Ages stay within 0-130 years and weights within 0-400 kg, the limits a scan-log
         * row is held to, so that a slip of a digit cannot make a band cover nobody or everybody.
         */
        public Double number(String column) {
            String v = cells.get(column);
            if (v == null) return null;
            Double d = decimal(v);
            if (d == null) throw error(column, "\"" + v + "\" is not a plain decimal number (digits and a point, e.g. 12.5)");
            if (d < 0) throw error(column, "\"" + v + "\" must not be negative");
            if (column.endsWith("_years") && d > MAX_AGE_YEARS) {
                throw error(column, "\"" + v + "\" is not a possible age (0 to " + (int) MAX_AGE_YEARS + " years)");
            }
            if (column.endsWith("_kg") && d > MAX_WEIGHT_KG) {
                throw error(column, "\"" + v + "\" is not a possible weight (0 to " + (int) MAX_WEIGHT_KG + " kg)");
            }
            return d;
        }

        /** As {@link #number}, and above 0: a reference or threshold of 0 would flag every exam. */
        public Double positive(String column) {
            Double d = number(column);
            if (d != null && d == 0) throw error(column, "\"" + cells.get(column) + "\" must be above 0");
            return d;
        }

        public double requiredNumber(String column) {
            Double d = number(column);
            if (d == null) throw error(column, "is required but empty");
            return d;
        }

        public Integer phantom(String column) {
            Double d = number(column);
            if (d == null) return null;
            if (d != 16 && d != 32) throw error(column, "\"" + cells.get(column) + "\" is not a CTDI phantom (16 or 32)");
            return d.intValue();
        }

        public Range range(String minColumn, String maxColumn) {
            Double min = number(minColumn);
            Double max = number(maxColumn);
            if (min != null && max != null && min >= max) {
                throw error(minColumn, "(" + min + ") must be below " + maxColumn + " (" + max + ")");
            }
            return new Range(min, max);
        }

        public <E extends Enum<E>> E enumValue(String column, Class<E> type, Function<String, java.util.Optional<E>> parse) {
            String v = cells.get(column);
            if (v == null) return null;
            return parse.apply(v).orElseThrow(() -> error(column, "\"" + v + "\" is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants())));
        }

        /** A pipe-separated list such as {@code CHEST|ABDOMEN}; blank is the empty set (any). */
        public <E extends Enum<E>> Set<E> enumSet(String column, Class<E> type, Function<String, java.util.Optional<E>> parse) {
            String v = cells.get(column);
            Set<E> out = java.util.EnumSet.noneOf(type); // declaration order: the same in every run and report
            if (v == null) return out;
            for (String part : v.split("\\|")) {
                if (part.isBlank()) continue;
                out.add(parse.apply(part.trim()).orElseThrow(() -> error(column, "\"" + part.trim() + "\" is not one of "
                        + java.util.Arrays.toString(type.getEnumConstants()))));
            }
            return out;
        }

        public TableException error(String column, String message) {
            return new TableException(file, line, "column " + column + ": " + message);
        }
    }
}

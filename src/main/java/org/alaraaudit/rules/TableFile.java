package org.alaraaudit.rules;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

        public Double number(String column) {
            String v = cells.get(column);
            if (v == null) return null;
            try {
                double d = Double.parseDouble(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw error(column, "\"" + v + "\" is not a number");
            }
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
            Set<E> out = new HashSet<>();
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

package org.alaraaudit.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV rows the thresholds workbook may edit, as the facts its decision table matches: the object types of
 * the sheet's pattern row ({@code CatalogRow}, {@code NotificationRow}, {@code SettingRow}, {@code CumulativeLevel})
 * and the properties its conditions compare ({@code key}, {@code category}, {@code metric}, {@code population},
 * {@code level}). Every key is text, compared with {@code ==}, so a typo in a key cell makes a row that matches
 * nothing (an error naming the row) rather than a rule that does not compile.
 */
public final class ThresholdFacts {
    private ThresholdFacts() {}

    /**
     * The four tables of the workbook, in sheet order: the RuleTable's title, the CSV it edits, what its first
     * column is called, and the hidden METADATA column that keeps each row's key as exported.
     */
    public enum Table {
        CATALOG("Expected dose ranges", ProtocolCatalog.FILE, "protocol", "Protocol", "exported_protocol"),
        NOTIFICATION("Notification values", NotificationValues.FILE, "notification value", "Category", "exported_category"),
        SETTING("Settings", Policy.FILE, "setting", "Setting", "exported_setting"),
        CUMULATIVE("Cumulative dose levels", CumulativeDoseLevels.FILE, "cumulative-dose level", "Metric, Population and Level",
                "exported_level");

        private final String title;
        private final String file;
        private final String noun;
        private final String keyLabel;
        private final String exportedKey;

        Table(String title, String file, String noun, String keyLabel, String exportedKey) {
            this.title = title;
            this.file = file;
            this.noun = noun;
            this.keyLabel = keyLabel;
            this.exportedKey = exportedKey;
        }

        public String title() { return title; }

        public String file() { return file; }

        String noun() { return noun; }

        String keyLabel() { return keyLabel; }

        String exportedKey() { return exportedKey; }
    }

    /** One CSV row, whichever table it comes from. */
    public sealed interface Subject permits CatalogRow, NotificationRow, SettingRow, CumulativeLevel {
        TableFile.Row row();

        Table table();

        /** The row's key as the workbook writes it in its first column(s), also kept in a hidden column at export. */
        String exportKey();

        /** For messages: {@code protocol PED CHEST 5-10Y*}. */
        String describe();

        /** The unit a workbook row may not change, or null when the table has none per row. */
        default String unit() { return null; }
    }

    /** A protocol-catalog row; the key is its pattern, with {@code " @STATION"} for a station's own row. */
    public record CatalogRow(String key, TableFile.Row row) implements Subject {
        public String exportKey() { return key; }

        public String describe() { return "protocol " + key; }

        public Table table() { return Table.CATALOG; }
    }

    public record NotificationRow(String category, TableFile.Row row) implements Subject {
        public String exportKey() { return category; }

        public String describe() { return "notification value " + category; }

        public Table table() { return Table.NOTIFICATION; }
    }

    public record SettingRow(String key, TableFile.Row row) implements Subject {
        public String exportKey() { return key; }

        public String describe() { return "setting " + key; }

        public Table table() { return Table.SETTING; }

        @Override
        public String unit() { return row.text("unit"); }
    }

    /**
     * A cumulative-dose level. The CSV has no key column, so a level is named by its metric, population and its
     * position among the rows of that metric and population (1 = the first in the file): what the officer sees.
     */
    public record CumulativeLevel(String metric, String population, String level, TableFile.Row row) implements Subject {
        public String exportKey() { return metric + " " + population + " " + level; }

        public String describe() { return "cumulative-dose level " + metric + " " + population + " " + level; }

        public Table table() { return Table.CUMULATIVE; }

        @Override
        public String unit() { return row.text("unit"); }
    }

    /**
     * Catalog rows keyed as the workbook names them: the pattern, then " @STATION" for a station's own row and
     * " +contrast" or " -contrast" for a row of exams with or without contrast (one pattern has a row of each).
     */
    static String catalogKey(TableFile.Row r) {
        String station = r.text("station_name");
        String contrast = r.text("contrast");
        String mark = contrast == null ? "" : org.alaraaudit.model.Contrast.parse(contrast)
                .map(c -> c == org.alaraaudit.model.Contrast.WITH ? " +contrast" : c == org.alaraaudit.model.Contrast.WITHOUT ? " -contrast" : "")
                .orElse("");
        return r.required("pattern") + (station == null ? "" : " @" + station) + mark;
    }

    static List<Subject> of(ThresholdWorkbook.Tables t) {
        List<Subject> out = new ArrayList<>();
        for (TableFile.Row r : t.catalog().rows()) out.add(new CatalogRow(catalogKey(r), r));
        for (TableFile.Row r : t.notifications().rows()) out.add(new NotificationRow(r.required("category"), r));
        for (TableFile.Row r : t.settings().rows()) out.add(new SettingRow(r.required("key"), r));
        Map<String, Integer> positions = new HashMap<>();
        for (TableFile.Row r : t.cumulative().rows()) {
            String metric = r.required("metric").trim().toLowerCase(Locale.ROOT);
            String population = r.required("population").trim().toUpperCase(Locale.ROOT);
            int level = positions.merge(metric + " " + population, 1, Integer::sum);
            out.add(new CumulativeLevel(metric, population, Integer.toString(level), r));
        }
        return out;
    }
}

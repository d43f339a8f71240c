package org.alaraaudit.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.alaraaudit.model.ReferenceStatus;
import org.alaraaudit.model.TableException;

/**
 * Where the reference values of a rules folder stand: for every table with a {@code source} column, each row's
 * status (primary, secondary, local-policy, unverified) and the site's confirmation ({@code verified_by},
 * {@code verified_on}). {@code rules validate} counts them, and the report's methodology says them once, in a
 * reviewer's words, so no value is presented as stronger than its status.
 */
public record ReferenceTables(List<Table> tables) {
    /** The table of reviewer titles; its own rows are not reference values. */
    public static final String TITLES = "table-titles.csv";
    public static final String STATUS = "status";
    public static final String VERIFIED_BY = "verified_by";
    public static final String VERIFIED_ON = "verified_on";

    /** One table: the title a reviewer reads, and each row's status. */
    public record Table(String file, String title, boolean hasStatusColumn, List<Value> values) {
        public Map<ReferenceStatus, Integer> counts() {
            Map<ReferenceStatus, Integer> out = new EnumMap<>(ReferenceStatus.class);
            for (Value v : values) out.merge(v.status(), 1, Integer::sum);
            return out;
        }

        /** Distinct citations, in table order. */
        public Set<String> sources() {
            Set<String> out = new LinkedHashSet<>();
            for (Value v : values) if (v.source() != null) out.add(v.source());
            return out;
        }

        /** Distinct confirmations ("NAME on DATE"), in table order. */
        public Set<String> confirmations() {
            Set<String> out = new LinkedHashSet<>();
            for (Value v : values) if (v.confirmed()) out.add(v.verifiedBy() + " on " + v.verifiedOn());
            return out;
        }

        public long confirmedCount() { return values.stream().filter(Value::confirmed).count(); }
    }

    /** One row's standing. */
    public record Value(long line, ReferenceStatus status, String verifiedBy, LocalDate verifiedOn, String source) {
        public boolean confirmed() { return verifiedBy != null && verifiedOn != null; }
    }

    public static ReferenceTables load(Path dir) { return load(dir, TableSource.AS_WRITTEN); }

    static ReferenceTables load(Path dir, TableSource source) {
        Map<String, String> titles = titles(dir);
        List<Table> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p))
                    .filter(p -> !p.getFileName().toString().equals(TITLES)).sorted().toList();
        } catch (IOException e) {
            throw new TableException(dir.toString(), 0, "cannot be listed: " + e.getMessage());
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            TableFile t = source.read(p, name);
            if (!t.header().contains("source")) continue;
            out.add(table(t, titles.getOrDefault(name, defaultTitle(name))));
        }
        return new ReferenceTables(List.copyOf(out));
    }

    static Table table(TableFile t, String title) {
        boolean hasStatus = t.header().contains(STATUS);
        List<Value> values = new ArrayList<>();
        for (TableFile.Row r : t.rows()) {
            ReferenceStatus status = ReferenceStatus.UNVERIFIED;
            if (hasStatus) {
                String s = r.required(STATUS);
                status = ReferenceStatus.parse(s).orElseThrow(() -> r.error(STATUS, "\"" + s
                        + "\" is not one of primary, secondary, local-policy, unverified"));
            }
            String by = r.text(VERIFIED_BY);
            String onText = r.text(VERIFIED_ON);
            LocalDate on = null;
            if (onText != null) {
                try {
                    on = LocalDate.parse(onText);
                } catch (DateTimeParseException e) {
                    throw r.error(VERIFIED_ON, "\"" + onText + "\" is not a date (YYYY-MM-DD)");
                }
                if (on.isAfter(LocalDate.now())) throw r.error(VERIFIED_ON, onText + " lies in the future");
            }
            if ((by == null) != (on == null)) {
                throw r.error(by == null ? VERIFIED_BY : VERIFIED_ON, "a confirmation needs both who (verified_by) and when (verified_on)");
            }
            values.add(new Value(r.line(), status, by, on, r.text("source")));
        }
        return new Table(t.name(), title, hasStatus, List.copyOf(values));
    }

    /** Reviewer titles from {@code table-titles.csv} (table, title); a table it does not name gets its file's base name. */
    private static Map<String, String> titles(Path dir) {
        Path p = dir.resolve(TITLES);
        if (!Files.isRegularFile(p)) return Collections.emptyMap();
        Map<String, String> out = new HashMap<>();
        for (TableFile.Row r : TableFile.read(p, TITLES, "table", "title").rows()) out.put(r.required("table"), r.required("title"));
        return out;
    }

    private static String defaultTitle(String file) {
        String base = file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
        return "Table " + base.replace('-', ' ').replace('_', ' ');
    }

    /** Values per status over every table. */
    public Map<ReferenceStatus, Integer> counts() {
        Map<ReferenceStatus, Integer> out = new EnumMap<>(ReferenceStatus.class);
        for (Table t : tables) t.counts().forEach((s, n) -> out.merge(s, n, Integer::sum));
        return out;
    }

    public long confirmedCount() { return tables.stream().mapToLong(Table::confirmedCount).sum(); }

    public int size() { return tables.stream().mapToInt(t -> t.values().size()).sum(); }

    /**
     * The status of each citation, for the findings that cite it: the status the citing rows have, the weakest where
     * they differ (a publication whose values were partly read in it and partly transcribed: a finding citing it is
     * never shown as stronger than its own row may be), or "confirmed by NAME on DATE" where the site's physicist
     * confirmed every row that cites it. A finding whose source cites no row (a rule's own requirement, such as
     * documenting the dose) is not in the map.
     */
    public Map<String, String> statusBySource() {
        Map<String, ReferenceStatus> weakest = new HashMap<>();
        Map<String, Set<String>> confirmed = new HashMap<>();
        Set<String> unconfirmed = new HashSet<>();
        for (Table t : tables) {
            for (Value v : t.values()) {
                if (v.source() == null) continue;
                weakest.merge(v.source(), v.status(), (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
                if (v.confirmed()) confirmed.computeIfAbsent(v.source(), k -> new TreeSet<>()).add(v.verifiedBy() + " on " + v.verifiedOn());
                else unconfirmed.add(v.source());
            }
        }
        Map<String, String> out = new HashMap<>();
        weakest.forEach((source, status) -> out.put(source, unconfirmed.contains(source) ? status.code()
                : "confirmed by " + String.join("; ", confirmed.get(source))));
        return out;
    }

    /** Tables that have no status column: every value in them counts as unverified. */
    public List<Table> withoutStatus() { return tables.stream().filter(t -> !t.hasStatusColumn()).toList(); }
}

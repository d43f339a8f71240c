package org.alaraaudit.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.alaraaudit.model.TableException;

/**
 * Finds the numbers a site changed in a copy of the built-in tables without changing what the row says of itself.
 * A row is matched with the built-in row of the same table whose every non-numeric cell (names, regions, the
 * source, the status) is the same, over the columns both files have, the status by its meaning and the source by its
 * words whatever their case and spacing; the numeric cells are the values. A site row that matches a built-in row
 * exactly is unchanged; one that matches only in its words has values of its own under a citation that is not
 * theirs. Rows with a source or status of their own, rows the site's physicist confirmed against the publication
 * (verified_by, verified_on), and rows with words of their own are not reported. A table is compared with the built-in
 * table of the same file name only.
 */
final class SiteValueChanges {
    /** What a row says about its confirmation, not about itself: changing these does not make a value the site's. */
    private static final Set<String> CONFIRMATION = Set.of("notes", "verified_by", "verified_on");

    private SiteValueChanges() {}

    /** The changes in the tables of {@code siteTables} against {@code builtInTables}, by file and line. */
    static List<SiteValueChange> between(Path siteTables, Path builtInTables) {
        List<SiteValueChange> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(siteTables)) {
            for (Path site : files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                String name = site.getFileName().toString();
                Path builtIn = builtInTables.resolve(name);
                if (!Files.isRegularFile(builtIn)) continue;
                try {
                    out.addAll(inTable(TableFile.read(site, name), TableFile.read(builtIn, name)));
                } catch (TableException e) {
                    // The tables were loaded and checked before this is asked; one that cannot be compared is passed over.
                }
            }
        } catch (IOException e) {
            // The folder was listed when the tables were loaded; unreadable now, there is nothing to compare.
        }
        return out;
    }

    static List<SiteValueChange> inTable(TableFile site, TableFile builtIn) {
        List<SiteValueChange> out = new ArrayList<>();
        // Over the columns both files have: a site's copy may lack an optional column (notes) or add its own.
        List<String> shared = site.header().stream().filter(builtIn.header()::contains).distinct().toList();
        if (!shared.contains("source") || !shared.contains("status")) return out;
        for (TableFile.Row row : site.rows()) {
            // Confirmed by the site's physicist against the publication: the number is the publication's by their word.
            if (row.text("verified_by") != null && row.text("verified_on") != null) continue;
            List<String> best = null;
            TableFile.Row bestRow = null;
            for (TableFile.Row candidate : builtIn.rows()) {
                if (!sameWords(shared, row, candidate)) continue;
                List<String> differ = differingValues(shared, row, candidate);
                if (best == null || differ.size() < best.size()) {
                    best = differ;
                    bestRow = candidate;
                }
                if (differ.isEmpty()) break;
            }
            if (best == null || best.isEmpty()) continue;
            for (String column : best) {
                out.add(new SiteValueChange(site.name(), row.line(), column, row.text(column), bestRow.text(column),
                        row.text("status"), row.text("source")));
            }
        }
        out.sort(Comparator.comparingLong(SiteValueChange::line));
        return out;
    }

    /**
     * Tables read with each changed row as local policy: its status {@code local-policy} and its source saying what
     * the site set in place of what, and whose citation that was. A finding, a table or a count of the report then
     * never credits the publication with the site's number; the methodology still lists every such value.
     */
    static TableSource asLocalPolicy(List<SiteValueChange> changes) {
        if (changes.isEmpty()) return TableSource.AS_WRITTEN;
        return (file, name, columns) -> {
            TableFile t = TableFile.read(file, name, columns);
            String own = file.getFileName().toString();
            List<TableFile.Row> rows = new ArrayList<>(t.rows().size());
            boolean changed = false;
            for (TableFile.Row r : t.rows()) {
                List<SiteValueChange> here = changes.stream().filter(c -> c.file().equals(own) && c.line() == r.line()).toList();
                if (here.isEmpty() || !t.header().contains("status")) {
                    rows.add(r);
                    continue;
                }
                java.util.Map<String, String> cells = new java.util.LinkedHashMap<>(r.cells());
                cells.put("status", org.alaraaudit.model.ReferenceStatus.LOCAL_POLICY.code());
                cells.put("source", localSource(here));
                rows.add(new TableFile.Row(r.file(), r.line(), java.util.Collections.unmodifiableMap(cells)));
                changed = true;
            }
            return changed ? t.withRows(rows) : t;
        };
    }

    /** "local policy: the site's 40 (CTDIvol, mGy) in place of 50 of AAPM ... 2011": the site's number, then whose it replaced. */
    static String localSource(List<SiteValueChange> row) {
        List<String> values = new ArrayList<>();
        for (SiteValueChange c : row) {
            values.add(shown(c.siteValue()) + " (" + readable(c.column()) + ") in place of " + shown(c.builtInValue()));
        }
        return "local policy: the site's " + String.join(", ", values) + " of " + row.get(0).source();
    }

    private static String shown(String v) { return v == null ? "blank" : v; }

    /** A column as a reader names it: ctdivol_mgy is "CTDIvol, mGy", expected_max_dlp_mgycm "expected max DLP, mGy·cm". */
    static String readable(String column) {
        String unit = column.endsWith("_mgycm") ? "mGy·cm" : column.endsWith("_mgy") ? "mGy" : null;
        String name = unit == null ? column : column.substring(0, column.lastIndexOf('_'));
        name = name.replace("ctdivol", "CTDIvol").replace("dlp", "DLP").replace('_', ' ');
        return unit == null ? name : name + ", " + unit;
    }

    private static boolean isValue(TableFile.Row a, TableFile.Row b, String column) {
        return TableFile.decimal(a.text(column)) != null || TableFile.decimal(b.text(column)) != null;
    }

    private static boolean sameWords(List<String> header, TableFile.Row a, TableFile.Row b) {
        for (String c : header) {
            if (CONFIRMATION.contains(c) || isValue(a, b, c)) continue;
            if (!Objects.equals(words(c, a.text(c)), words(c, b.text(c)))) return false;
        }
        return true;
    }

    /** A cell as what it says: a status by its meaning, any other text whatever its case and spacing. */
    private static String words(String column, String text) {
        if (text == null) return null;
        if (column.equals("status")) {
            return org.alaraaudit.model.ReferenceStatus.parse(text).map(org.alaraaudit.model.ReferenceStatus::code).orElse(text);
        }
        return text.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> differingValues(List<String> header, TableFile.Row a, TableFile.Row b) {
        List<String> out = new ArrayList<>();
        for (String c : header) {
            if (CONFIRMATION.contains(c) || !isValue(a, b, c)) continue;
            Double x = TableFile.decimal(a.text(c));
            Double y = TableFile.decimal(b.text(c));
            if (x == null || y == null || Double.compare(x, y) != 0) out.add(c);
        }
        return out;
    }
}

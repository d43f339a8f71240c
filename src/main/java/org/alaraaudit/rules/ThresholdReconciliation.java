package org.alaraaudit.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alaraaudit.rules.ThresholdFacts.CatalogRow;
import org.alaraaudit.rules.ThresholdFacts.SettingRow;
import org.alaraaudit.rules.ThresholdFacts.Subject;
import org.alaraaudit.rules.ThresholdFacts.Table;
import org.alaraaudit.rules.ThresholdWorkbook.Applied;
import org.alaraaudit.rules.ThresholdWorkbook.SheetRow;
import org.alaraaudit.rules.ThresholdWorkbook.Tables;

import static org.alaraaudit.rules.ThresholdWorkbook.FILE;
import static org.alaraaudit.rules.ThresholdWorkbook.number;
import static org.alaraaudit.rules.ThresholdWorkbook.plain;
import static org.alaraaudit.rules.ThresholdWorkbook.same;

/** Checks what the rows recorded against the CSV rows they matched and lays the winning values over the tables. */
final class ThresholdReconciliation {
    private final Tables csv;
    private final List<Subject> facts;
    private final List<SheetRow> rows;
    private final ThresholdEdits edits;
    private final TreeMap<Long, List<String>> problems = new TreeMap<>();
    private final List<ThresholdChange> changes = new ArrayList<>();
    private final Map<Subject, List<Long>> rowsOf = new LinkedHashMap<>();
    /** The values the audit takes from the workbook, per CSV row and column, with the change that set each. */
    private final Map<Subject, Map<ThresholdColumn, ThresholdChange>> applied = new LinkedHashMap<>();

ThresholdReconciliation(Tables csv, List<Subject> facts, List<SheetRow> rows, ThresholdEdits edits) {
        this.csv = csv;
        this.facts = facts;
        this.rows = rows;
        this.edits = edits;
    }

    Applied run() {
        for (SheetRow row : rows) check(row);
        rowsOf.forEach((subject, at) -> {
            if (at.size() > 1) {
                problem(at.get(1), FILE + " rows " + join(at) + " all name " + subject.describe() + " (" + subject.row().file()
                        + " line " + subject.row().line() + "): keep one row per " + subject.table().noun());
            }
        });
        applied.forEach(this::checkRanges);
        if (!problems.isEmpty()) {
            List<String> all = new ArrayList<>();
            problems.values().forEach(all::addAll);
            throw new ThresholdWorkbookException(FILE, all);
        }
        return new Applied(laidOver(), new ThresholdChanges(FILE, rows.size(), changes));
    }

    private void check(SheetRow row) {
        List<List<Object>> matches = edits.matches(row.rule());
        ThresholdEdits.RowCells cells = edits.cells(row.rule());
        Table table = tableOf(row, cells);
        if (matches.isEmpty()) {
            unmatched(row, table);
            return;
        }
        List<Subject> subjects = matches.stream().flatMap(List::stream).filter(Subject.class::isInstance)
                .map(Subject.class::cast).distinct().toList();
        if (subjects.isEmpty()) {
            // A blank key cell drops the row's only pattern: the rule fires once, on nothing.
            problem(row.row(), where(row) + ": the " + (table == null ? "first" : table.keyLabel()) + " cell is empty; each row names one "
                    + (table == null ? "CSV row" : table.noun()));
            return;
        }
        if (subjects.size() != 1) {
            Subject first = subjects.get(0);
            problem(row.row(), where(row) + ": matches " + subjects.size() + " rows of " + first.row().file() + " (lines "
                    + join(subjects.stream().map(s -> s.row().line()).toList()) + "); fill in " + first.table().keyLabel()
                    + " so that the row names one " + first.table().noun());
            return;
        }
        Subject subject = subjects.get(0);
        rowsOf.computeIfAbsent(subject, k -> new ArrayList<>()).add(row.row());
        // Baselines are the row's own only while it still names the CSV row it was exported for.
        boolean exportedForIt = subject.exportKey().equals(row.exported(subject.table().exportedKey()));
        if (subject instanceof SettingRow s && ThresholdSetting.of(s.key()).isEmpty()) {
            if (!cells.values.isEmpty()) {
                problem(row.row(), where(row) + ", column \"" + ThresholdColumn.SETTING_VALUE.label() + "\" (" + subject.describe()
                        + "): this setting cannot be changed in the workbook; change it in " + Policy.FILE);
            }
            return;
        }
        for (Map.Entry<String, String> cell : cells.values.entrySet()) {
            value(row, subject, cell.getKey(), cell.getValue(), exportedForIt, cells.reason);
        }
        if (cells.unit != null && subject.unit() != null && !cells.unit.equals(subject.unit())) {
            problem(row.row(), where(row) + ", column \"Unit\" (" + subject.describe() + "): \"" + cells.unit + "\" is not the unit of "
                    + subject.row().file() + " line " + subject.row().line() + " (" + subject.unit()
                    + "); the workbook changes values, not units");
        }
    }

    private void unmatched(SheetRow row, Table table) {
        String exportedKey = table == null ? null : row.exported(table.exportedKey());
        if (exportedKey != null && facts.stream().noneMatch(f -> f.table() == table && f.exportKey().equals(exportedKey))) {
            // Exported for a CSV row that has since gone: nothing to apply it to, and not the officer's typo.
            changes.add(new ThresholdChange(FILE, row.row(), table.noun() + " " + exportedKey, null, table.file(), 0, null, null,
                    ThresholdChange.Used.CSV, null));
            return;
        }
        problem(row.row(), where(row) + ": the " + (table == null ? "first" : table.keyLabel()) + " cell"
                + (table == Table.CUMULATIVE ? "s match" : " matches") + " no "
                + (table == null ? "row of the CSV tables" : table.noun() + " of " + table.file())
                + " (spell it exactly as in the CSV" + (table == Table.CATALOG ? ", with \" @STATION\" for a station's own row and \" +contrast\" or \" -contrast\" for a row of one contrast)" : ")"));
    }

    private void value(SheetRow row, Subject subject, String csvColumn, String text, boolean exportedForIt, String reason) {
        ThresholdColumn column = ThresholdColumn.of(csvColumn).orElse(null);
        if (column == null || !column.file().equals(subject.row().file())) {
            problem(row.row(), where(row) + " (" + subject.describe() + "): an action sets column \"" + csvColumn + "\", which "
                    + subject.row().file() + " does not let the workbook change");
            return;
        }
        String at = where(row) + ", column \"" + column.label() + "\" (" + subject.describe() + ")";
        ThresholdSetting setting = subject instanceof SettingRow s ? ThresholdSetting.of(s.key()).orElseThrow() : null;
        Double w = number(text);
        if (w == null) {
            problem(row.row(), at + ": \"" + text + "\" is not a number" + (text.contains(",") ? " (write decimals with a point)" : ""));
            return;
        }
        String bound = setting != null ? setting.problem(w)
                : column == ThresholdColumn.NOTIFICATION_CTDIVOL || column == ThresholdColumn.CUMULATIVE_THRESHOLD
                ? (w <= 0 ? "must be above 0" : null)
                : (w < 0 ? "must not be negative" : null);
        if (bound != null) {
            problem(row.row(), at + ": " + text + " " + bound);
            return;
        }
        String csvText = subject.row().text(column.csvColumn());
        Double c = csvText == null ? null : number(csvText);
        if (c != null && same(w, c)) return;
        Double exported = exportedForIt ? number(row.exported(column.exportedKey())) : null;
        ThresholdChange.Used used = exported != null && same(exported, w) ? ThresholdChange.Used.CSV : ThresholdChange.Used.WORKBOOK;
        ThresholdChange change = new ThresholdChange(FILE, row.row(), subject.describe(), column.label(), subject.row().file(),
                subject.row().line(), csvText, plain(text), used, reason == null || reason.isEmpty() ? null : reason);
        changes.add(change);
        if (used == ThresholdChange.Used.WORKBOOK) applied.computeIfAbsent(subject, k -> new LinkedHashMap<>()).put(column, change);
    }

    /** Lower ≤ upper once the workbook's values are in: each end may come from either file. */
    private void checkRanges(Subject subject, Map<ThresholdColumn, ThresholdChange> set) {
        if (!(subject instanceof CatalogRow)) return;
        for (ThresholdColumn lower : ThresholdColumn.values()) {
            ThresholdColumn upper = lower.upperOf().orElse(null);
            if (upper == null || !(set.containsKey(lower) || set.containsKey(upper))) continue;
            Double lo = effective(subject, set, lower);
            Double hi = effective(subject, set, upper);
            if (lo == null || hi == null || lo <= hi) continue;
            ThresholdChange at = set.containsKey(lower) ? set.get(lower) : set.get(upper);
            problem(at.sheetRow(), FILE + " row " + at.sheetRow() + " (" + subject.describe() + "): \"" + lower.label() + "\" "
                    + plain(lo) + origin(set, lower, subject) + " is above \"" + upper.label() + "\" " + plain(hi)
                    + origin(set, upper, subject));
        }
    }

    private static Double effective(Subject s, Map<ThresholdColumn, ThresholdChange> set, ThresholdColumn c) {
        if (set.containsKey(c)) return number(set.get(c).workbookValue());
        return number(s.row().text(c.csvColumn()));
    }

    private static String origin(Map<ThresholdColumn, ThresholdChange> set, ThresholdColumn c, Subject s) {
        return set.containsKey(c) ? " (workbook)" : " (" + s.row().file() + " line " + s.row().line() + ")";
    }

    /** The CSV tables with the workbook's values in place; each changed row's source says where they came from. */
    private Tables laidOver() {
        if (applied.isEmpty()) return csv;
        Map<String, Map<Long, TableFile.Row>> replaced = new HashMap<>();
        applied.forEach((subject, set) -> {
            TableFile.Row r = subject.row();
            Map<String, String> cells = new HashMap<>(r.cells());
            List<String> notes = new ArrayList<>();
            set.forEach((column, change) -> {
                cells.put(column.csvColumn(), change.workbookValue());
                String name = subject instanceof SettingRow s ? s.key() : column.csvColumn();
                notes.add(ThresholdWorkbook.CHANGE_NOTE + change.sheetRow() + " sets " + name + " " + change.workbookValue() + " (was "
                        + (change.csvValue() == null ? "blank" : change.csvValue()) + " in " + r.file() + ")"
                        + (change.reason() == null ? "" : ": " + change.reason()));
            });
            String source = r.text("source");
            cells.put("source", String.join("; ", notes) + (source == null ? "" : "; " + source));
            replaced.computeIfAbsent(r.file(), k -> new HashMap<>()).put(r.line(), new TableFile.Row(r.file(), r.line(), cells));
        });
        return new Tables(swap(csv.settings(), replaced), swap(csv.catalog(), replaced), swap(csv.notifications(), replaced),
                swap(csv.cumulative(), replaced));
    }

    private static TableFile swap(TableFile t, Map<String, Map<Long, TableFile.Row>> replaced) {
        Map<Long, TableFile.Row> mine = replaced.get(t.name());
        if (mine == null) return t;
        return t.withRows(t.rows().stream().map(r -> mine.getOrDefault(r.line(), r)).toList());
    }

    /** The row's table: from its hidden key column, else its RuleTable's title, else the columns it sets. */
    private static Table tableOf(SheetRow row, ThresholdEdits.RowCells cells) {
        for (Table t : Table.values()) if (row.exported(t.exportedKey()) != null) return t;
        for (Table t : Table.values()) if (t.title().equalsIgnoreCase(row.title().trim())) return t;
        for (String c : cells.values.keySet()) {
            ThresholdColumn col = ThresholdColumn.of(c).orElse(null);
            if (col != null) for (Table t : Table.values()) if (t.file().equals(col.file())) return t;
        }
        return null;
    }

    private static String where(SheetRow row) { return FILE + " row " + row.row(); }

    private void problem(long row, String text) {
        problems.computeIfAbsent(row, k -> new ArrayList<>()).add(text);
    }

    private static String join(List<Long> numbers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            sb.append(i == 0 ? "" : i == numbers.size() - 1 ? " and " : ", ").append(numbers.get(i));
        }
        return sb.toString();
    }
}

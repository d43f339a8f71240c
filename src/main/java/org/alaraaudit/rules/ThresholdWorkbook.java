package org.alaraaudit.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alaraaudit.model.TableException;
import org.alaraaudit.rules.ThresholdFacts.CatalogRow;
import org.alaraaudit.rules.ThresholdFacts.SettingRow;
import org.alaraaudit.rules.ThresholdFacts.Subject;
import org.alaraaudit.rules.ThresholdFacts.Table;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.StatelessKieSession;

/**
 * {@code tables/thresholds.drl.xlsx}: the thresholds a safety officer changes most, as one Drools decision table
 * over the CSV tables. Drools compiles the sheet into a small KieBase of its own (one rule per sheet row); it runs
 * once per load over the CSV rows, and what the rows' actions record is checked and laid over the CSV tables,
 * which then go through the same checks as ever. The CSV tables stay the reference: a blank cell keeps the CSV
 * value, and the workbook can change values, never add rows or units.
 */
public final class ThresholdWorkbook {
    public static final String FILE = "thresholds.drl.xlsx";
    /** The RuleSet of the sheet; also the KieFileSystem folder, so Drools finds package and folder in step. */
    static final String PACKAGE = "org.alaraaudit.rules.thresholds";

    /** The CSV tables the workbook edits. */
    public record Tables(TableFile settings, TableFile catalog, TableFile notifications, TableFile cumulative) {
        TableFile of(String file) {
            return switch (file) {
                case Policy.FILE -> settings;
                case ProtocolCatalog.FILE -> catalog;
                case NotificationValues.FILE -> notifications;
                case CumulativeDoseLevels.FILE -> cumulative;
                default -> throw new IllegalArgumentException(file);
            };
        }
    }

    /** The tables with the workbook's values laid over them, and every disagreement found. */
    public record Applied(Tables tables, ThresholdChanges changes) {}

    /** One rule of the compiled sheet: its name, the RuleTable it came from, its sheet row and hidden columns. */
    private record SheetRow(String rule, String title, long row, Map<String, Object> metadata) {
        String exported(String key) {
            Object v = metadata.get(key);
            return v == null || v.toString().isBlank() ? null : v.toString().trim();
        }
    }

    private record Compiled(KieBase kieBase, List<SheetRow> rows) {}

    private static final Pattern RULE_ROW = Pattern.compile("(.*)_(\\d+)");
    // One compiled sheet per distinct file content: test suites and repeated loads of one folder compile it once.
    private static final Map<String, Compiled> COMPILED = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) { return size() > 8; }
    });

    private ThresholdWorkbook() {}

    public static Applied apply(Path file, Tables csv) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ThresholdWorkbookException(FILE, List.of(FILE + ": cannot be read: " + e.getMessage()));
        }
        Compiled compiled = compile(bytes);
        List<Subject> facts = ThresholdFacts.of(csv);
        ThresholdEdits edits = new ThresholdEdits();
        try {
            StatelessKieSession session = compiled.kieBase().newStatelessKieSession();
            session.setGlobal("edits", edits);
            session.addEventListener(edits.listener());
            session.execute(facts);
        } catch (RuntimeException e) {
            // e.g. the Variables row was removed, or an action cell was rewritten into code that fails
            throw new ThresholdWorkbookException(FILE, List.of(FILE + ": the decision table cannot be run: " + rootMessage(e)));
        }
        return new Reconciliation(csv, facts, compiled.rows(), edits).run();
    }

    /** The DRL Drools generates from the sheet: what places a compile error on its sheet row. */
    public static String generatedDrl(byte[] workbook) {
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(workbook), InputType.XLS);
    }

    private static Compiled compile(byte[] bytes) {
        String sha = sha256(bytes);
        Compiled cached = COMPILED.get(sha);
        if (cached != null) return cached;
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // A release id of its own: the policy's KieModule uses the default one, and the two must not replace each other.
        ReleaseId id = ks.newReleaseId("org.alaraaudit", "thresholds-workbook", "1.0.0-" + sha.substring(0, 16));
        kfs.generateAndWritePomXML(id);
        // The .drl.xlsx suffix is what makes Drools treat the bytes as a decision table; any other name is ignored.
        kfs.write("src/main/resources/" + PACKAGE.replace('.', '/') + "/" + FILE,
                ks.getResources().newByteArrayResource(bytes).setSourcePath(FILE));
        KieBuilder kb;
        try {
            kb = ks.newKieBuilder(kfs).buildAll();
        } catch (RuntimeException e) {
            String m = rootMessage(e);
            // The parser names a cell ("cell F58"); the officer looks for a row and column.
            Matcher cell = Pattern.compile("cell ([A-Z]+)(\\d+)").matcher(m);
            String at = cell.find() ? " row " + cell.group(2) + ", column " + cell.group(1) : "";
            throw new ThresholdWorkbookException(FILE, List.of(FILE + at + ": cannot be read as a decision table: " + m));
        }
        List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) throw new ThresholdWorkbookException(FILE, compileProblems(bytes, errors));
        KieBase base = ks.newKieContainer(id).getKieBase();
        List<SheetRow> rows = new ArrayList<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                Matcher m = RULE_ROW.matcher(r.getName());
                if (m.matches()) rows.add(new SheetRow(r.getName(), m.group(1), Long.parseLong(m.group(2)), r.getMetaData()));
            }
        }
        if (rows.isEmpty()) {
            throw new ThresholdWorkbookException(FILE, List.of(FILE + ": the first worksheet has no RuleTable with rows"
                    + " (Drools reads only the first worksheet)"));
        }
        rows.sort(Comparator.comparingLong(SheetRow::row));
        Compiled c = new Compiled(base, List.copyOf(rows));
        COMPILED.put(sha, c);
        return c;
    }

    /** Drools names the generated DRL's line; the rule name or the DRL's "rule values at A14" comment gives the row. */
    private static List<String> compileProblems(byte[] bytes, List<Message> errors) {
        String drl;
        try {
            drl = generatedDrl(bytes);
        } catch (RuntimeException e) {
            drl = "";
        }
        String[] lines = drl.split("\n", -1);
        TreeMap<Long, List<String>> out = new TreeMap<>();
        Pattern named = Pattern.compile("Rule name='[^']*_(\\d+)'");
        Pattern valuesAt = Pattern.compile("rule values at [A-Z]+(\\d+)");
        for (Message m : errors) {
            String text = m.getText().replaceAll("\\s+", " ").trim();
            String row = null;
            Matcher n = named.matcher(text);
            if (n.find()) row = n.group(1);
            for (int i = Math.min(m.getLine(), lines.length) - 1; row == null && i >= 0; i--) {
                Matcher v = valuesAt.matcher(lines[i]);
                if (v.find()) row = v.group(1);
            }
            out.computeIfAbsent(row == null ? 0L : Long.parseLong(row), k -> new ArrayList<>())
                    .add(FILE + (row == null ? "" : " row " + row) + ": does not compile: " + text);
        }
        List<String> all = new ArrayList<>();
        out.values().forEach(all::addAll);
        return all;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks what the rows recorded against the CSV rows they matched and lays the winning values over the tables. */
    private static final class Reconciliation {
        private final Tables csv;
        private final List<Subject> facts;
        private final List<SheetRow> rows;
        private final ThresholdEdits edits;
        private final TreeMap<Long, List<String>> problems = new TreeMap<>();
        private final List<ThresholdChange> changes = new ArrayList<>();
        private final Map<Subject, List<Long>> rowsOf = new LinkedHashMap<>();
        /** The values the audit takes from the workbook, per CSV row and column, with the change that set each. */
        private final Map<Subject, Map<ThresholdColumn, ThresholdChange>> applied = new LinkedHashMap<>();

        Reconciliation(Tables csv, List<Subject> facts, List<SheetRow> rows, ThresholdEdits edits) {
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
                    + " (spell it exactly as in the CSV" + (table == Table.CATALOG ? ", with \" @STATION\" for a station's own row)" : ")"));
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
                    notes.add(FILE + " row " + change.sheetRow() + " sets " + name + " " + change.workbookValue() + " (was "
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

    /** A number as the CSV tables write one (point decimals, no grouping); null when it is not one. */
    static Double number(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            double d = Double.parseDouble(text.trim());
            return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Equal to ten significant digits: a spreadsheet shows (and Drools reads) a General-format number rounded so,
     * and such a rounding is not an edit.
     */
    static boolean same(double a, double b) {
        if (a == b) return true;
        MathContext ten = new MathContext(10);
        return new BigDecimal(a).round(ten).compareTo(new BigDecimal(b).round(ten)) == 0;
    }

    static String plain(String text) {
        try {
            return new BigDecimal(text.trim()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text.trim();
        }
    }

    static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Reads the four CSV tables the workbook edits, checked as the audit checks them. */
    public static Tables readCsv(Path tablesDir) {
        TableFile settings = csv(tablesDir, Policy.FILE, "key", "value", "source");
        TableFile catalog = csv(tablesDir, ProtocolCatalog.FILE, ProtocolCatalog.columns());
        TableFile notifications = csv(tablesDir, NotificationValues.FILE, NotificationValues.COLUMNS);
        TableFile cumulative = csv(tablesDir, CumulativeDoseLevels.FILE, CumulativeDoseLevels.COLUMNS);
        return new Tables(settings, catalog, notifications, cumulative);
    }

    private static TableFile csv(Path dir, String name, String... columns) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) throw new TableException(name, 0, "the table is missing");
        return TableFile.read(p, name, columns);
    }
}

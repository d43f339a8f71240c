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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alaraaudit.model.TableException;
import org.alaraaudit.rules.ThresholdFacts.Subject;
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
    /** How a changed row's source begins ("thresholds.drl.xlsx row 7 sets ..."), ahead of the row's own source. */
    static final String CHANGE_NOTE = FILE + " row ";

    /**
     * Whether a source is that of a row whose value the site changed in the workbook: the number is then the site's
     * own, local policy whatever the status of the citation it kept.
     */
    public static boolean changedValue(String source) { return source != null && source.startsWith(CHANGE_NOTE); }
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
    record SheetRow(String rule, String title, long row, Map<String, Object> metadata) {
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
        return new ThresholdReconciliation(csv, facts, compiled.rows(), edits).run();
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
        Compiled c = compiled(ks.newKieContainer(id).getKieBase());
        COMPILED.put(sha, c);
        return c;
    }

    private static Compiled compiled(KieBase base) {
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
        return new Compiled(base, List.copyOf(rows));
    }

    /**
     * Takes a base compiled earlier (read from a rule-base archive) for the workbook whose bytes have this SHA-256,
     * so that {@link #apply} runs it instead of compiling the sheet again.
     */
    static void remember(String sha, KieBase base) {
        COMPILED.put(sha, compiled(base));
    }

    /** The SHA-256 of the folder's workbook and its compiled base, for archiving; null without a workbook. */
    static Map.Entry<String, KieBase> compiledIn(Path tablesDir) {
        Path file = tablesDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return null;
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Map.entry(sha256(bytes), compile(bytes).kieBase());
        } catch (IOException e) {
            throw new ThresholdWorkbookException(FILE, List.of(FILE + ": cannot be read: " + e.getMessage()));
        }
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

    /**
     * A number as the CSV tables write one (point decimals, no grouping), or with the exponent a spreadsheet may
     * render a cell's number with; null when it is not one (NaN, Infinity, hex: see {@link TableFile#decimal}).
     */
    static Double number(String text) {
        if (text == null || text.isBlank()) return null;
        return TableFile.decimalOrExponent(text);
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
    public static Tables readCsv(Path tablesDir) { return readCsv(tablesDir, TableSource.AS_WRITTEN); }

    static Tables readCsv(Path tablesDir, TableSource source) {
        TableFile settings = csv(tablesDir, source, Policy.FILE, "key", "value", "source");
        TableFile catalog = csv(tablesDir, source, ProtocolCatalog.FILE, ProtocolCatalog.requiredColumns());
        TableFile notifications = csv(tablesDir, source, NotificationValues.FILE, NotificationValues.COLUMNS);
        TableFile cumulative = csv(tablesDir, source, CumulativeDoseLevels.FILE, CumulativeDoseLevels.COLUMNS);
        return new Tables(settings, catalog, notifications, cumulative);
    }

    private static TableFile csv(Path dir, TableSource source, String name, String... columns) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) throw new TableException(name, 0, "the table is missing");
        return source.read(p, name, columns);
    }
}

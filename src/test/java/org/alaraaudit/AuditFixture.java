package org.alaraaudit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditProgress;
import org.alaraaudit.audit.AuditRequest;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;
import org.alaraaudit.model.Finding;
import org.alaraaudit.rules.RuleSet;

/**
 * Builds small canonical scan logs row by row and audits them with the real rules: the tests' way of saying
 * "this exam, just inside / just outside that threshold".
 */
public final class AuditFixture {
    /** The built-in rules, compiled once for the whole test run (KieBase is thread-safe and reusable). */
    public static final RuleSet DEFAULT_RULES = RuleSet.load(null);
    public static final byte[] SECRET = "test-site-secret-of-20b".getBytes(StandardCharsets.UTF_8);
    public static final Instant RUN_TIME = Instant.parse("2026-11-02T07:00:00Z");

    private final List<Map<String, String>> rows = new ArrayList<>();
    private Map<String, String> defaults = baseRow();
    private AuditPeriod period = AuditPeriod.month(java.time.YearMonth.of(2026, 10));
    private RuleSet rules = DEFAULT_RULES;
    private Double pediatricAge;
    private String drlSet;
    private int inMemoryLimit = 250_000;

    public static Map<String, String> baseRow() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("patient_id", "MRN1");
        r.put("age_years", "8");
        r.put("sex", "F");
        r.put("weight_kg", "25");
        r.put("facility", "General");
        r.put("station_name", "CT1");
        r.put("accession_number", "ACC1");
        r.put("study_datetime", "2026-10-10T10:00:00");
        r.put("modality", "CT");
        r.put("protocol_name", "PED CHEST 5-10Y");
        r.put("acquisition_type", "SPIRAL");
        r.put("target_region", "CHEST");
        r.put("kvp", "100");
        r.put("ctdivol_mgy", "2.0");
        r.put("phantom", "32");
        r.put("dlp_mgycm", "50");
        return r;
    }

    /** Changes the values every following row starts from. */
    public AuditFixture defaults(String... keyValues) {
        defaults = new LinkedHashMap<>(defaults);
        put(defaults, keyValues);
        return this;
    }

    /** Adds a row: the defaults with these column/value pairs changed ("" blanks a column). */
    public AuditFixture row(String... keyValues) {
        Map<String, String> r = new LinkedHashMap<>(defaults);
        put(r, keyValues);
        rows.add(r);
        return this;
    }

    private static void put(Map<String, String> r, String... kv) {
        if (kv.length % 2 != 0) throw new IllegalArgumentException("column/value pairs expected");
        for (int i = 0; i < kv.length; i += 2) r.put(kv[i], kv[i + 1]);
    }

    public AuditFixture period(AuditPeriod p) {
        this.period = p;
        return this;
    }

    public AuditFixture rules(RuleSet r) {
        this.rules = r;
        return this;
    }

    public AuditFixture pediatricAge(double years) {
        this.pediatricAge = years;
        return this;
    }

    /** How much each stage holds in memory before it spills to disk (rows by patient, duplicate keys, findings). */
    private boolean eventRows = true;

    public AuditFixture inMemoryLimit(int rows) {
        this.inMemoryLimit = rows;
        return this;
    }

    /** Whether the run keeps a row of every event (the workbook's event sheet); it does unless told. */
    public AuditFixture eventRows(boolean keep) {
        this.eventRows = keep;
        return this;
    }

    public AuditFixture drlSet(String set) {
        this.drlSet = set;
        return this;
    }

    /** The rows as canonical CSV text, header from the union of the columns used. */
    public String csv() {
        List<String> header = new ArrayList<>();
        for (Map<String, String> r : rows) for (String k : r.keySet()) if (!header.contains(k)) header.add(k);
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (Map<String, String> r : rows) {
            sb.append(header.stream().map(h -> quote(r.getOrDefault(h, ""))).collect(Collectors.joining(","))).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    public Path write(Path dir, String name) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, csv(), StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AuditResult audit(Path dir) {
        return auditFiles(List.of(write(dir, "scan-log.csv")));
    }

    public AuditResult auditFiles(List<Path> files) {
        AuditRequest req = new AuditRequest(files, period, pediatricAge, drlSet, "Test Hospital", RUN_TIME,
                ZoneOffset.UTC, SECRET, inMemoryLimit).withEventRows(eventRows);
        return new AuditRun(rules, "test").run(req, AuditProgress.NONE);
    }

    /** The three sample months of sample-data/ audited for one of them, without a history store, as the reports' tests read it. */
    public static AuditResult sampleMonth(java.time.YearMonth month) {
        return new AuditRun(DEFAULT_RULES, "test").run(new AuditRequest(List.of(Path.of("sample-data")), AuditPeriod.month(month),
                null, null, null, RUN_TIME, java.time.ZoneId.systemDefault(), SECRET, 250_000), AuditProgress.NONE);
    }

    public static List<Finding> findings(AuditResult r, String ruleId) {
        return r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** A copy of the built-in rules folder at {@code target}: the start of a site's own rules in a test. */
    public static Path copyDefaultRules(Path target) {
        Path source = RuleSet.defaultRules();
        try (java.util.stream.Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.alaraaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditProgress;
import org.alaraaudit.audit.AuditRequest;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.rules.RuleDescription;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.scanlog.Rejection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alara-audit rules test CASES}: rule test cases for a safety officer who changes a table or writes a
 * local rule. A case file is a canonical scan log plus the columns {@code expect_rules} and
 * {@code expect_not_rules} (rule ids separated by {@code |}); a case is one study (accession number), and its
 * expectations may sit on any of its rows. A study without expectations is a supporting study: history or
 * group members the cases need (ten studies of a DRL group, an earlier scan of a repeat), not a case itself.
 * Each file is audited on its own, as one whole-input period, with the rules in use and without a history
 * store. A finding counts for the study it names; a period-level finding without a study (DRL_MEDIAN_EXCEEDED,
 * UNMAPPED_PROTOCOL) counts for every study whose rows it rests on. Exit 0 when every case passes, 1 when one
 * fails, 3 when the cases cannot be read, 4 when the rules cannot be used.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs rule test cases (a case file or a folder of *.csv case files) and reports each case as passed or failed.")
public final class RulesTestCommand implements Callable<Integer> {
    static final String EXPECT = "expect_rules";
    static final String EXPECT_NOT = "expect_not_rules";
    static final int FAILED = 1;
    private static final byte[] SECRET = "alara-audit rules test".getBytes(StandardCharsets.UTF_8);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASES", description = "A case file (CSV) or a folder of them.")
    Path cases;

    @Mixin
    RulesCommand.RulesFolder folder;

    /** One case's outcome. */
    record CaseResult(String file, String accession, Set<String> expected, Set<String> expectedNot, Set<String> fired,
                      List<String> problems) {
        boolean passed() { return problems.isEmpty(); }
    }

    /** The input cannot be used as cases (exit 3). */
    static final class CasesUnusable extends RuntimeException {
        CasesUnusable(String message) { super(message); }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files;
        try {
            files = caseFiles(cases);
        } catch (CasesUnusable e) {
            return unusable(e.getMessage());
        }
        RuleSet rs = RuleSet.load(folder.rules);
        out.printf(Locale.ROOT, "Rules from %s (%s)%n", rs.location(), rs.digest());
        int passed = 0;
        int failed = 0;
        for (Path f : files) {
            List<CaseResult> results;
            try {
                results = run(rs, f);
            } catch (CasesUnusable e) {
                return unusable(e.getMessage());
            }
            out.printf(Locale.ROOT, "%n%s%n", f.getFileName());
            for (CaseResult r : results) {
                out.printf(Locale.ROOT, "  %s  %-24s fired: %s%n", r.passed() ? "PASSED" : "FAILED", r.accession(),
                        r.fired().isEmpty() ? "(none)" : String.join(", ", r.fired()));
                for (String p : r.problems()) out.printf(Locale.ROOT, "          %s%n", p);
                if (r.passed()) passed++;
                else failed++;
            }
        }
        out.printf(Locale.ROOT, "%n%d case%s: %d passed, %d failed%n", passed + failed, passed + failed == 1 ? "" : "s", passed, failed);
        out.flush();
        return failed == 0 ? ExitCode.OK : FAILED;
    }

    private int unusable(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("alara-audit: input unusable: " + message);
        err.flush();
        return ExitCode.INPUT_UNUSABLE;
    }

    static List<Path> caseFiles(Path cases) {
        if (Files.isRegularFile(cases)) return List.of(cases);
        if (!Files.isDirectory(cases)) throw new CasesUnusable(cases + ": no such file or folder");
        try (Stream<Path> s = Files.list(cases)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(Files::isRegularFile).sorted().toList();
            if (files.isEmpty()) throw new CasesUnusable(cases + ": no case files (*.csv)");
            return files;
        } catch (IOException e) {
            throw new CasesUnusable(cases + ": cannot be read: " + e.getMessage());
        }
    }

    /** Audits one case file with these rules and checks each case's expectations. */
    static List<CaseResult> run(RuleSet rs, Path caseFile) {
        String name = caseFile.getFileName().toString();
        List<String> header;
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(caseFile, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get().parse(in)) {
            header = new ArrayList<>(p.getHeaderNames());
            records = p.getRecords();
        } catch (IOException | RuntimeException e) {
            throw new CasesUnusable(name + ": cannot be read as CSV: " + e.getMessage());
        }
        if (!header.contains("accession_number")) throw new CasesUnusable(name + ": no accession_number column; each case is one study");
        if (!header.contains(EXPECT) && !header.contains(EXPECT_NOT)) {
            throw new CasesUnusable(name + ": no " + EXPECT + " or " + EXPECT_NOT + " column; nothing to test");
        }
        Set<String> ruleIds = new TreeSet<>();
        for (RuleDescription d : rs.rules()) ruleIds.add(d.ruleId());

        // The cases, in file order, with their expectations and the lines of their rows.
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        Map<String, Set<String>> expectedNot = new LinkedHashMap<>();
        Map<Long, String> caseOfLine = new HashMap<>();
        List<String> order = new ArrayList<>();
        List<String> scanLogHeader = header.stream().filter(h -> !h.equals(EXPECT) && !h.equals(EXPECT_NOT)).toList();
        Path log;
        try {
            Path tmp = Files.createTempDirectory("alara-rules-test");
            log = tmp.resolve(name);
            try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
                 CSVPrinter pr = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(scanLogHeader.toArray(String[]::new))
                         .setRecordSeparator("\n").get())) {
                long line = 1;
                for (CSVRecord r : records) {
                    line++;
                    String acc = r.isMapped("accession_number") ? r.get("accession_number").trim() : "";
                    if (!order.contains(acc)) order.add(acc);
                    caseOfLine.put(line, acc);
                    ids(r, EXPECT).forEach(id -> expected.computeIfAbsent(acc, k -> new LinkedHashSet<>()).add(id));
                    ids(r, EXPECT_NOT).forEach(id -> expectedNot.computeIfAbsent(acc, k -> new LinkedHashSet<>()).add(id));
                    List<String> values = new ArrayList<>();
                    for (String h : scanLogHeader) {
                        String v = r.isMapped(h) && r.isSet(h) ? r.get(h) : "";
                        values.add(v.replace('\n', ' ').replace('\r', ' ')); // one record, one line: line numbers stay the case file's
                    }
                    pr.printRecord(values);
                }
            }
        } catch (IOException e) {
            throw new CasesUnusable(name + ": cannot prepare the cases: " + e.getMessage());
        }
        AuditResult result;
        try {
            AuditRequest req = new AuditRequest(List.of(log), AuditPeriod.WHOLE_INPUT, null, null, null, Instant.now(),
                    ZoneId.systemDefault(), SECRET, 250_000);
            result = new AuditRun(rs, AlaraAudit.version()).run(req, AuditProgress.NONE);
        } finally {
            try {
                Files.deleteIfExists(log);
                Files.deleteIfExists(log.getParent());
            } catch (IOException ignored) {
                // a temporary copy left behind is harmless
            }
        }

        Map<String, Set<String>> fired = new HashMap<>();
        for (Finding f : result.findings()) {
            if (f.accessionNumber() != null) {
                fired.computeIfAbsent(f.accessionNumber(), k -> new TreeSet<>()).add(f.ruleId());
            } else {
                for (SourceLine l : f.inputLines()) {
                    String acc = caseOfLine.get(l.line());
                    if (acc != null) fired.computeIfAbsent(acc, k -> new TreeSet<>()).add(f.ruleId());
                }
            }
        }
        Map<String, List<String>> rejected = new HashMap<>();
        for (Rejection r : result.rejected()) {
            String acc = caseOfLine.get(r.line());
            if (acc != null) rejected.computeIfAbsent(acc, k -> new ArrayList<>()).add(r.message());
        }

        List<CaseResult> out = new ArrayList<>();
        for (String acc : order) {
            Set<String> want = expected.getOrDefault(acc, Set.of());
            Set<String> wantNot = expectedNot.getOrDefault(acc, Set.of());
            if (want.isEmpty() && wantNot.isEmpty()) continue; // a supporting study
            Set<String> got = fired.getOrDefault(acc, new TreeSet<>());
            List<String> problems = new ArrayList<>();
            for (String id : want) {
                if (!ruleIds.contains(id)) problems.add("expected " + id + ": no rule has this id");
                else if (!got.contains(id)) problems.add("expected " + id + ": did not fire");
            }
            for (String id : wantNot) {
                if (!ruleIds.contains(id)) problems.add("must not fire " + id + ": no rule has this id");
                else if (got.contains(id)) problems.add("must not fire " + id + ": fired");
            }
            if (!problems.isEmpty()) {
                for (String r : rejected.getOrDefault(acc, List.of())) problems.add("rejected " + r);
            }
            out.add(new CaseResult(name, acc.isEmpty() ? "(no accession)" : acc, want, wantNot, got, problems));
        }
        if (out.isEmpty()) throw new CasesUnusable(name + ": no case has expectations in " + EXPECT + " or " + EXPECT_NOT);
        return out;
    }

    private static List<String> ids(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : r.get(column).split("[|,;\\s]+")) if (!s.isBlank()) out.add(s.trim().toUpperCase(Locale.ROOT));
        return out;
    }
}

package org.alaraaudit.audit.check;

import java.io.IOException;
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
import org.alaraaudit.rules.RuleIds;
import org.alaraaudit.scanlog.Rejection;
import org.alaraaudit.scanlog.SpillFolder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Rule test cases for a safety officer who changes a table or writes a local rule. A case file is a canonical
 * scan log plus the columns {@code expect_rules} and {@code expect_not_rules} (rule ids separated by {@code |});
 * a case is one study (accession number), and its expectations may sit on any of its rows. A study without
 * expectations is a supporting study: history or group members the cases need (ten studies of a DRL group, an
 * earlier scan of a repeat), not a case itself. Each file is audited on its own, as one whole-input period, with
 * the rules given and without a history store. A finding counts for the study it names; a period-level finding
 * without a study (DRL_MEDIAN_EXCEEDED, UNMAPPED_PROTOCOL) counts for every study whose rows it rests on. Every row
 * must pass validation: a case with a rejected row fails (unless STUDY_INCOMPLETE, the rule on rejected rows, is all
 * it expects to fire), and so does a supporting study with one, since the cases
 * leaning on it would test something else.
 */
public final class RuleCases {
    public static final String EXPECT = "expect_rules";
    public static final String EXPECT_NOT = "expect_not_rules";
    /** Cases are audited like any scan log, and pseudonyms need a secret; this one is no site's. */
    private static final byte[] SECRET = "alara-audit rules test".getBytes(StandardCharsets.UTF_8);

    private final RuleSet rules;
    private final String version;

    /** Cases judged with these rules; {@code version} is the tool version the audit records. */
    public RuleCases(RuleSet rules, String version) {
        this.rules = rules;
        this.version = version;
    }

    /** The case files: {@code cases} itself, or the {@code *.csv} files of that folder, sorted. */
    public static List<Path> files(Path cases) {
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

    /** Audits one case file with the rules and checks each case's expectations, in file order. */
    public List<CaseResult> run(Path caseFile) {
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
        Cases cases = new Cases();
        AuditResult result = audit(name, header, records, cases);
        List<CaseResult> out = judge(name, result, cases);
        if (out.stream().allMatch(CaseResult::supporting)) throw new CasesUnusable(name + ": no case has expectations in " + EXPECT + " or " + EXPECT_NOT);
        return out;
    }

    /** The cases of one file, in file order, with their expectations and the lines of their rows. */
    private static final class Cases {
        final Map<String, Set<String>> expected = new LinkedHashMap<>();
        final Map<String, Set<String>> expectedNot = new LinkedHashMap<>();
        final Map<Long, String> caseOfLine = new HashMap<>();
        final List<String> order = new ArrayList<>();
    }

    /** Writes the rows without the expectation columns as a scan log, one record a line, and audits it. */
    private AuditResult audit(String name, List<String> header, List<CSVRecord> records, Cases cases) {
        List<String> scanLogHeader = header.stream().filter(h -> !h.equals(EXPECT) && !h.equals(EXPECT_NOT)).toList();
        Path tmp = null;
        try {
            tmp = SpillFolder.create("cases");
            Path log = tmp.resolve(name);
            try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
                 CSVPrinter pr = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(scanLogHeader.toArray(String[]::new))
                         .setRecordSeparator("\n").get())) {
                long line = 1;
                for (CSVRecord r : records) {
                    line++;
                    String acc = r.isMapped("accession_number") ? r.get("accession_number").trim() : "";
                    if (!cases.order.contains(acc)) cases.order.add(acc);
                    cases.caseOfLine.put(line, acc);
                    ids(r, EXPECT).forEach(id -> cases.expected.computeIfAbsent(acc, k -> new LinkedHashSet<>()).add(id));
                    ids(r, EXPECT_NOT).forEach(id -> cases.expectedNot.computeIfAbsent(acc, k -> new LinkedHashSet<>()).add(id));
                    List<String> values = new ArrayList<>();
                    for (String h : scanLogHeader) {
                        String v = r.isMapped(h) && r.isSet(h) ? r.get(h) : "";
                        values.add(v.replace('\n', ' ').replace('\r', ' ')); // one record, one line: line numbers stay the case file's
                    }
                    pr.printRecord(values);
                }
            }
            AuditRequest req = new AuditRequest(List.of(log), AuditPeriod.WHOLE_INPUT, null, null, null, Instant.now(),
                    ZoneId.systemDefault(), SECRET, 250_000);
            return new AuditRun(rules, version).run(req, AuditProgress.NONE);
        } catch (IOException e) {
            throw new CasesUnusable(name + ": cannot prepare the cases: " + e.getMessage());
        } finally {
            // A copy left behind is harmless, and a later audit removes it with the other leftovers.
            if (tmp != null) SpillFolder.delete(tmp);
        }
    }

    private List<CaseResult> judge(String name, AuditResult result, Cases cases) {
        Set<String> ruleIds = new TreeSet<>();
        for (RuleDescription d : rules.rules()) ruleIds.add(d.ruleId());
        Map<String, Set<String>> fired = new HashMap<>();
        for (Finding f : result.findings()) {
            if (f.accessionNumber() != null) {
                fired.computeIfAbsent(f.accessionNumber(), k -> new TreeSet<>()).add(f.ruleId());
            } else {
                for (SourceLine l : f.inputLines()) {
                    String acc = cases.caseOfLine.get(l.line());
                    if (acc != null) fired.computeIfAbsent(acc, k -> new TreeSet<>()).add(f.ruleId());
                }
            }
        }
        Map<String, List<String>> rejected = new HashMap<>();
        for (Rejection r : result.rejected()) {
            String acc = cases.caseOfLine.get(r.line());
            if (acc != null) rejected.computeIfAbsent(acc, k -> new ArrayList<>()).add(r.message());
        }

        List<CaseResult> out = new ArrayList<>();
        for (String acc : cases.order) {
            Set<String> want = cases.expected.getOrDefault(acc, Set.of());
            Set<String> wantNot = cases.expectedNot.getOrDefault(acc, Set.of());
            Set<String> got = fired.getOrDefault(acc, new TreeSet<>());
            if (want.isEmpty() && wantNot.isEmpty()) {
                // A supporting study is not a case, but a row of it rejected (a typo) leaves the cases that lean on it
                // testing something else: a "must not fire" would pass because its group or earlier scan is missing.
                List<String> lost = rejected.getOrDefault(acc, List.of());
                if (!lost.isEmpty()) {
                    List<String> problems = new ArrayList<>();
                    for (String r : lost) problems.add("a supporting study's row was rejected: " + r);
                    out.add(new CaseResult(name, (acc.isEmpty() ? "(no accession)" : acc) + " (supporting)", want, wantNot, got, problems, true));
                }
                continue;
            }
            List<String> problems = new ArrayList<>();
            for (String id : want) {
                if (!ruleIds.contains(id)) problems.add("expected " + id + ": no rule has this id");
                else if (!got.contains(id)) problems.add("expected " + id + ": did not fire");
            }
            for (String id : wantNot) {
                if (!ruleIds.contains(id)) problems.add("must not fire " + id + ": no rule has this id");
                else if (got.contains(id)) problems.add("must not fire " + id + ": fired");
            }
            // A rejected row is never audited, so whatever it expected is untested: the case fails, even when its
            // expectations happen to hold ("must not fire" holds trivially for a row that was thrown out). A case of the
            // rule on rejected rows themselves, expecting nothing else to fire, is the exception: its rejected row is what
            // it tests.
            if (!want.equals(Set.of(RuleIds.STUDY_INCOMPLETE))) {
                for (String r : rejected.getOrDefault(acc, List.of())) problems.add("row rejected, so not tested: " + r);
            }
            out.add(new CaseResult(name, acc.isEmpty() ? "(no accession)" : acc, want, wantNot, got, problems, false));
        }
        return out;
    }

    private static List<String> ids(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : r.get(column).split("[|,;\\s]+")) if (!s.isBlank()) out.add(s.trim().toUpperCase(Locale.ROOT));
        return out;
    }
}

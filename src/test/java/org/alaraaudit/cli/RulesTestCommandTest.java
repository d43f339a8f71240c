package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.rules.RuleDescription;
import org.alaraaudit.rules.RuleSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own rule cases (rules/tests) pass with the shipped rules, cover every rule id both ways, and
 * catch a table change that breaks a policy: what CI runs on every change to rules/.
 */
class RulesTestCommandTest {
    static final Path RULES = Path.of("rules");
    static final Path CASES = RULES.resolve("tests");

    @TempDir
    Path dir;

    @Test
    void theShippedCasesPassWithTheShippedRules() {
        CliTest.Run r = CliTest.run("rules", "test", CASES.toString(), "--rules", RULES.toString());
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertFalse(r.out().contains("FAILED"), r.out());
        assertTrue(r.out().matches("(?s).*\\n(\\d+) cases: \\1 passed, 0 failed.*"), r.out());
    }

    @Test
    void theBuiltInRulesPassTooWhenNoFolderIsGiven() {
        CliTest.Run r = CliTest.run("rules", "test", CASES.toString());
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
    }

    @Test
    void everyDefaultRuleHasACaseThatFiresAndOneThatMustNot() throws IOException {
        Set<String> ids = AuditFixture.DEFAULT_RULES.rules().stream().map(RuleDescription::ruleId).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(25, ids.size(), ids.toString());
        Set<String> fire = new TreeSet<>();
        Set<String> mustNot = new TreeSet<>();
        try (Stream<Path> files = Files.list(CASES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8);
                     CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    for (CSVRecord rec : p) {
                        if (rec.isMapped("expect_rules")) fire.addAll(split(rec.get("expect_rules")));
                        if (rec.isMapped("expect_not_rules")) mustNot.addAll(split(rec.get("expect_not_rules")));
                    }
                }
            }
        }
        // No radiography or fluoroscopy DRL with a source ships, so no shipped case can make this rule fire; it fires
        // through `rules test` with a site's row in ProjectionDrlTableCommandTest.
        Set<String> needSiteValues = Set.of(org.alaraaudit.rules.RuleIds.DAP_DRL_MEDIAN_EXCEEDED);
        Set<String> canFire = new TreeSet<>(ids);
        canFire.removeAll(needSiteValues);
        assertEquals(canFire, fire, "rule ids without a case that fires");
        assertEquals(ids, mustNot, "rule ids without a case that must not fire");
    }

    private static List<String> split(String s) {
        return Stream.of(s.split("\\|")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /** The shipped rules, copied so a test can break one value. */
    private Path rulesCopy() throws IOException {
        Path copy = dir.resolve("rules");
        try (Stream<Path> s = Files.walk(RULES)) {
            for (Path p : s.toList()) {
                Path target = copy.resolve(RULES.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return copy;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void aBrokenNotificationValueMakesItsCaseFail() throws IOException {
        Path rules = rulesCopy();
        // the pediatric torso notification value on the 32 cm phantom, 10 mGy, raised by mistake to 100
        replace(rules.resolve("tables/notification-values.csv"), "Pediatric torso <10 y (32 cm phantom),CHEST|ABDOMEN|PELVIS|ABDOMEN_PELVIS|CHEST_ABDOMEN_PELVIS|SPINE|WHOLE_BODY,,0,10,32,10,",
                "Pediatric torso <10 y (32 cm phantom),CHEST|ABDOMEN|PELVIS|ABDOMEN_PELVIS|CHEST_ABDOMEN_PELVIS|SPINE|WHOLE_BODY,,0,10,32,100,");
        CliTest.Run r = CliTest.run("rules", "test", rules.resolve("tests").toString(), "--rules", rules.toString());
        assertEquals(RulesTestCommand.FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FAILED  NOTIF-CHILD-ABOVE"), r.out());
        assertTrue(r.out().contains("expected CT_NOTIFICATION_VALUE: did not fire"), r.out());
    }

    @Test
    void aBrokenExpectedRangeInTheCatalogMakesItsCaseFail() throws IOException {
        Path rules = rulesCopy();
        replace(rules.resolve("tables/protocol-catalog.csv"), "PED CHEST 5-10Y*,,PED CHEST 5-10Y,PEDIATRIC,CHEST,,5,10,,,0.625,2.5,",
                "PED CHEST 5-10Y*,,PED CHEST 5-10Y,PEDIATRIC,CHEST,,5,10,,,0.625,25,");
        CliTest.Run r = CliTest.run("rules", "test", rules.resolve("tests/expected-range.csv").toString(), "--rules", rules.toString());
        assertEquals(RulesTestCommand.FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FAILED  RANGE-ABOVE"), r.out());
        assertTrue(r.out().contains("PASSED  RANGE-INSIDE"), r.out());
    }

    @Test
    void aTypoInAnExpectedRuleIdFailsTheCaseInsteadOfPassingSilently() throws IOException {
        Path cases = dir.resolve("typo.csv");
        Files.writeString(cases, AuditFixture.baseRow().keySet().stream().collect(Collectors.joining(",")) + ",expect_not_rules\n"
                + String.join(",", AuditFixture.baseRow().values()) + ",CT_NOTIFCATION_VALUE\n", StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("rules", "test", cases.toString());
        assertEquals(RulesTestCommand.FAILED, r.code(), r.out());
        assertTrue(r.out().contains("must not fire CT_NOTIFCATION_VALUE: no rule has this id"), r.out());
    }

    /** The base row with some columns changed, as a case file line with its expectation. */
    private static String caseLine(Map<String, String> changes, String expectNot) {
        Map<String, String> row = new java.util.LinkedHashMap<>(AuditFixture.baseRow());
        row.putAll(changes);
        return String.join(",", row.values()) + "," + expectNot + "\n";
    }

    private static String caseHeader() {
        return String.join(",", AuditFixture.baseRow().keySet()) + ",expect_not_rules\n";
    }

    @Test
    void aCaseWhoseRowIsRejectedFailsEvenWhenItsRuleMustNotFire() throws IOException {
        // February 30th: the row is thrown out, so "must not fire" would hold without the rule ever seeing it.
        Path cases = dir.resolve("typo-date.csv");
        Files.writeString(cases, caseHeader()
                + caseLine(Map.of("accession_number", "OK-CASE"), "CT_NOTIFICATION_VALUE")
                + caseLine(Map.of("accession_number", "TYPO-CASE", "study_datetime", "2026-02-30T10:00:00"), "CT_NOTIFICATION_VALUE"),
                StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("rules", "test", cases.toString());
        assertEquals(RulesTestCommand.FAILED, r.code(), r.out());
        assertTrue(r.out().contains("PASSED  OK-CASE"), r.out());
        assertTrue(r.out().contains("FAILED  TYPO-CASE"), r.out());
        assertTrue(r.out().contains("row rejected, so not tested: typo-date.csv line 3: study_datetime \"2026-02-30T10:00:00\""), r.out());
        assertTrue(r.out().contains("2 cases: 1 passed, 1 failed"), r.out());
    }

    @Test
    void aSupportingStudyWithARejectedRowFailsTheFile() throws IOException {
        Path cases = dir.resolve("support.csv");
        Files.writeString(cases, caseHeader()
                + caseLine(Map.of("accession_number", "THE-CASE"), "CT_NOTIFICATION_VALUE")
                + caseLine(Map.of("accession_number", "EARLIER", "ctdivol_mgy", "2O"), ""),
                StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("rules", "test", cases.toString());
        assertEquals(RulesTestCommand.FAILED, r.code(), r.out());
        assertTrue(r.out().contains("FAILED  EARLIER (supporting)"), r.out());
        assertTrue(r.out().contains("a supporting study's row was rejected: support.csv line 3: ctdivol_mgy \"2O\""), r.out());
        assertTrue(r.out().contains("1 case: 1 passed, 0 failed; 1 supporting study with a rejected row"), r.out());
    }

    @Test
    void unusableCasesAndRulesHaveTheirExitCodes() throws IOException {
        CliTest.Run missing = CliTest.run("rules", "test", dir.resolve("none.csv").toString());
        assertEquals(ExitCode.INPUT_UNUSABLE, missing.code(), missing.err());

        Path noExpectations = new AuditFixture().row().write(dir, "plain.csv");
        CliTest.Run plain = CliTest.run("rules", "test", noExpectations.toString());
        assertEquals(ExitCode.INPUT_UNUSABLE, plain.code(), plain.err());
        assertTrue(plain.err().contains("no expect_rules or expect_not_rules column"), plain.err());

        Path rules = rulesCopy();
        Files.writeString(rules.resolve("policy/broken.drl"), "package x;\nrule \"broken\" when then nothing( end\n");
        CliTest.Run broken = CliTest.run("rules", "test", CASES.toString(), "--rules", rules.toString());
        assertEquals(ExitCode.RULES_INVALID, broken.code(), broken.err());
    }

    @Test
    void theCasesFolderInsideTheRulesDoesNotChangeWhatLoads() {
        RuleSet rs = RuleSet.load(RULES);
        assertEquals(AuditFixture.DEFAULT_RULES.rules().size(), rs.rules().size());
    }
}

package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.rules.ThresholdFacts.Table;
import org.alaraaudit.rules.ThresholdWorkbook;
import org.alaraaudit.rules.ThresholdWorkbookFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules validate} checks the thresholds workbook with the CSV tables: each disagreement one CONFLICT line
 * naming row, column, both values and the one the audit uses (exit 0, or 4 with --strict); each unusable row one
 * ERROR line (exit 4), no stack trace. {@code rules export-thresholds} writes the workbook from the CSV tables.
 */
class RulesValidateCommandTest {
    static final String UPPER = "CTDIvol upper (mGy)";
    static final String REASON = "Reason (printed in the report)";

    @TempDir
    Path dir;

    private Path rules() { return ThresholdWorkbookFile.rulesCopy(dir.resolve("rules")); }

    private static Path workbookOf(Path rules) { return rules.resolve("tables").resolve(ThresholdWorkbook.FILE); }

    private static void assertNoStackTrace(CliTest.Run r) {
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void theBuiltInRulesHaveAWorkbookThatAgreesWithTheirCsvTables() {
        for (CliTest.Run r : List.of(CliTest.run("rules", "validate"), CliTest.run("rules", "validate", "--strict"))) {
            assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
            assertTrue(r.out().matches("(?s)OK: .*\\nReference values: .*\\nDecision table tables/thresholds\\.drl\\.xlsx: \\d+ rows, all values agree with the CSV tables\\n"),
                    r.out());
        }
    }

    @Test
    void conflictsArePrintedWithBothValuesAndStrictMakesThemFail() throws IOException {
        Path rules = rules();
        ThresholdWorkbookFile wb = new ThresholdWorkbookFile(rules);
        int row = wb.row(Table.CATALOG.title(), "PED CHEST 5-10Y*");
        int window = wb.row(Table.SETTING.title(), "repeat_window_hours");
        wb.set(Table.CATALOG.title(), "PED CHEST 5-10Y*", UPPER, 3)
                .set(Table.CATALOG.title(), "PED CHEST 5-10Y*", REASON, "new detector, physicist review 2026-11-04").save();
        replace(rules.resolve("tables/settings.csv"), "repeat_window_hours,48,", "repeat_window_hours,24,");

        CliTest.Run r = CliTest.run("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Decision table tables/thresholds.drl.xlsx: 80 rows, 2 conflicts with the CSV tables"
                + " (1 value used from the workbook):"), r.out());
        assertTrue(r.out().contains("  CONFLICT tables/thresholds.drl.xlsx row " + row + ", column \"CTDIvol upper (mGy)\" (protocol PED CHEST 5-10Y*):"
                + " workbook 3, protocol-catalog.csv line 11: 2.5; the audit uses 3 from the workbook (reason: new detector, physicist review"
                + " 2026-11-04)\n"), r.out());
        assertTrue(r.out().contains("  CONFLICT tables/thresholds.drl.xlsx row " + window + ", column \"Value\" (setting repeat_window_hours):"
                + " workbook 48, settings.csv line 3: 24; the audit uses 24 from settings.csv"), r.out());

        CliTest.Run strict = CliTest.run("rules", "validate", "--rules", rules.toString(), "--strict");
        assertEquals(ExitCode.RULES_INVALID, strict.code());
        assertTrue(strict.out().contains("CONFLICT"), strict.out());
        assertEquals("alara-audit: --strict: 2 conflicts between tables/thresholds.drl.xlsx and the CSV tables\n", strict.err());
    }

    @Test
    void aValueChangedUnderTheBuiltInSourceAndStatusIsAWarningAndStrictMakesItFail() throws IOException {
        Path rules = rules();
        Files.delete(workbookOf(rules)); // no workbook: only the CSV edit speaks
        replace(rules.resolve("tables/notification-values.csv"), "Cardiac prospective,,SEQUENCED,10,,32,50,",
                "Cardiac prospective,,SEQUENCED,10,,32,40,");
        CliTest.Run r = CliTest.run("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("WARNING tables/notification-values.csv line 10, ctdivol_mgy: 40 where the built-in row has 50,"
                + " under the same source and status (secondary: AAPM."), r.out());
        assertTrue(r.out().contains("1 value differs from this version's built-in row but keeps its source and status"), r.out());

        CliTest.Run strict = CliTest.run("rules", "validate", "--rules", rules.toString(), "--strict");
        assertEquals(ExitCode.RULES_INVALID, strict.code(), strict.out());
        assertEquals("alara-audit: --strict: 1 value changed under a built-in source and status\n", strict.err());

        CliTest.Run builtIn = CliTest.run("rules", "validate", "--strict");
        assertEquals(ExitCode.OK, builtIn.code(), builtIn.err());
        assertFalse(builtIn.out().contains("WARNING tables/"), builtIn.out());
    }

    /** Each mistake with a rules folder gets its own words: a file given for the folder, a folder without tables, a typo. */
    @Test
    void aRulesFolderThatIsAFileEmptyOrOfBrokenSyntaxIsNamedPlainly() throws IOException {
        Path file = Files.writeString(dir.resolve("scan-log.csv"), "patient_id\n");
        CliTest.Run notAFolder = CliTest.run("rules", "validate", "--rules", file.toString());
        assertEquals(ExitCode.RULES_INVALID, notAFolder.code());
        assertTrue(notAFolder.err().contains(file + ": a file, not a rules folder (a rules folder holds policy/*.drl and tables/*.csv"),
                notAFolder.err());

        Path empty = Files.createDirectories(dir.resolve("empty-rules"));
        CliTest.Run none = CliTest.run("rules", "validate", "--rules", empty.toString());
        assertEquals(ExitCode.RULES_INVALID, none.code());
        assertTrue(none.err().contains("  ERROR tables: the tables folder is missing from " + empty + "\n"), none.err());
        assertFalse(none.err().contains("tables/" + empty), "the folder's path is not read as a table's: " + none.err());

        Path rules = rules();
        Path drl = rules.resolve("policy").resolve("repeat-scans.drl");
        Files.writeString(drl, Files.readString(drl, StandardCharsets.UTF_8) + "rule \"x\" when then end garbage(\n", StandardCharsets.UTF_8);
        CliTest.Run broken = CliTest.run("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCode.RULES_INVALID, broken.code());
        List<String> lines = broken.err().lines().toList();
        assertEquals("alara-audit: the rules cannot be used:", lines.get(0));
        assertTrue(lines.get(1).startsWith("  ERROR policy/repeat-scans.drl:"), broken.err());
        assertFalse(broken.err().contains("null Package"), "Drools' echo of the parse error at line 0: " + broken.err());
        assertFalse(broken.err().contains(".drl:0:"), broken.err());
        assertNoStackTrace(broken);
    }

    @Test
    void rowsTheAuditCannotApplyAreOneErrorLineEachAndStopTheAudit() {
        Path rules = rules();
        ThresholdWorkbookFile wb = new ThresholdWorkbookFile(rules);
        int value = wb.row(Table.SETTING.title(), "alert_accumulated_ctdivol_mgy");
        int category = wb.row(Table.NOTIFICATION.title(), "Adult torso");
        int level = wb.row(Table.CUMULATIVE.title(), "red_marrow_dose PEDIATRIC 2");
        wb.set(Table.SETTING.title(), "alert_accumulated_ctdivol_mgy", "Value", "1,000")
                .set(Table.NOTIFICATION.title(), "Adult torso", "Category", "Adult trunk")
                .set(Table.CUMULATIVE.title(), "red_marrow_dose PEDIATRIC 2", "Level", null).save();

        CliTest.Run r = CliTest.run("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCode.RULES_INVALID, r.code(), r.out() + r.err());
        assertEquals(String.join("\n",
                "alara-audit: the rules cannot be used:",
                "  ERROR tables/thresholds.drl.xlsx row " + category + ": the Category cell matches no notification value of"
                        + " notification-values.csv (spell it exactly as in the CSV)",
                "  ERROR tables/thresholds.drl.xlsx row " + value + ", column \"Value\" (setting alert_accumulated_ctdivol_mgy): \"1,000\""
                        + " is not a number (write decimals with a point)",
                "  ERROR tables/thresholds.drl.xlsx row " + level + ": matches 2 rows of cumulative-dose.csv (lines 2 and 3); fill in"
                        + " Metric, Population and Level so that the row names one cumulative-dose level") + "\n", r.err());
        assertNoStackTrace(r);

        Path log = new AuditFixture().row().write(dir, "log.csv");
        CliTest.Run audit = CliTest.run("audit", log.toString(), "--rules", rules.toString(), "--no-history", "--out",
                dir.resolve("out").toString());
        assertEquals(ExitCode.RULES_INVALID, audit.code(), audit.err());
        assertTrue(audit.err().contains("thresholds.drl.xlsx row " + value), audit.err());
        assertFalse(Files.exists(dir.resolve("out").resolve("findings.csv")));
        assertNoStackTrace(audit);
    }

    @Test
    void withoutAWorkbookValidateSaysNothingAboutOne() throws IOException {
        Path rules = rules();
        Files.delete(workbookOf(rules));
        CliTest.Run r = CliTest.run("rules", "validate", "--rules", rules.toString(), "--strict");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertFalse(r.out().contains("Decision table"), r.out());
    }

    @Test
    void exportWritesTheWorkbookTheProjectShips() throws IOException {
        Path rules = rules();
        Files.delete(workbookOf(rules));
        CliTest.Run r = CliTest.run("rules", "export-thresholds", rules.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertEquals("Wrote " + workbookOf(rules) + ": 80 rows from the CSV tables\n", r.out());
        assertEquals(ThresholdWorkbook.generatedDrl(Files.readAllBytes(workbookOf(ThresholdWorkbookFile.RULES))),
                ThresholdWorkbook.generatedDrl(Files.readAllBytes(workbookOf(rules))));
        assertTrue(CliTest.run("rules", "validate", "--rules", rules.toString()).out().contains("all values agree"));
    }

    @Test
    void exportRefusesToDiscardAWorkbookEditUnlessForced() throws IOException {
        Path rules = rules();
        new ThresholdWorkbookFile(rules).set(Table.CATALOG.title(), "PED CHEST 5-10Y*", UPPER, 3).save();
        byte[] edited = Files.readAllBytes(workbookOf(rules));
        CliTest.Run r = CliTest.run("rules", "export-thresholds", rules.toString());
        assertEquals(ExitCode.USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("alara-audit: tables/thresholds.drl.xlsx has 1 value the CSV tables do not have; copy it into the CSV"
                + " tables first, or --force to discard it:\n  tables/thresholds.drl.xlsx row "), r.err());
        assertArrayEquals(edited, Files.readAllBytes(workbookOf(rules)), "the workbook is left as it was");

        assertEquals(ExitCode.OK, CliTest.run("rules", "export-thresholds", rules.toString(), "--force").code());
        assertTrue(CliTest.run("rules", "validate", "--rules", rules.toString()).out().contains("all values agree"));
    }

    @Test
    void aCsvEditIsCarriedIntoTheWorkbookByARegeneration() throws IOException {
        Path rules = rules();
        // the site's own value, said to be so (status local-policy), else --strict would stop at the citation below
        Path nv = rules.resolve("tables/notification-values.csv");
        String line = Files.readAllLines(nv).stream().filter(l -> l.contains(",0,10,32,10,")).findFirst().orElseThrow();
        replace(nv, line, line.replace(",0,10,32,10,", ",0,10,32,9,").replace(",secondary,", ",local-policy,"));
        assertTrue(CliTest.run("rules", "validate", "--rules", rules.toString()).out().contains("the audit uses 9 from notification-values.csv"));
        CliTest.Run r = CliTest.run("rules", "export-thresholds", rules.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        CliTest.Run v = CliTest.run("rules", "validate", "--rules", rules.toString(), "--strict");
        assertEquals(ExitCode.OK, v.code(), v.out() + v.err());
        int row = new ThresholdWorkbookFile(rules).row(Table.NOTIFICATION.title(), "Pediatric torso <10 y (32 cm phantom)");
        assertEquals("9", new ThresholdWorkbookFile(rules).get(row, 3));
    }

    @Test
    void exportNeedsARulesFolder() {
        CliTest.Run r = CliTest.run("rules", "export-thresholds", dir.resolve("nowhere").toString());
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("not a rules folder"), r.err());
        assertNoStackTrace(r);
    }
}

package org.alaraaudit.rules;

import static org.alaraaudit.AuditFixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.File;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.CatalogEntry;
import org.alaraaudit.model.DoseMetric;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.NotificationValue;
import org.alaraaudit.rules.ThresholdFacts.Table;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tables/thresholds.drl.xlsx: a Drools decision table over the CSV tables. An edit in it changes what the real
 * rules do; a disagreement with the CSV is reported with both values; a row the audit could not apply without
 * guessing stops the load with one line naming row and column.
 */
class ThresholdTableIT {
    static final String RANGES = Table.CATALOG.title();
    static final String NOTIFICATIONS = Table.NOTIFICATION.title();
    static final String SETTINGS = Table.SETTING.title();
    static final String CUMULATIVE = Table.CUMULATIVE.title();

    @TempDir
    Path dir;

    private Path rules() { return ThresholdWorkbookFile.rulesCopy(dir.resolve("rules")); }

    private static ThresholdWorkbookFile workbook(Path rules) { return new ThresholdWorkbookFile(rules); }

    private static ThresholdWorkbookException loadFails(Path rules) {
        ThresholdWorkbookException e = assertThrows(ThresholdWorkbookException.class, () -> PolicyTables.load(rules.resolve("tables")));
        for (String p : e.problems()) {
            assertFalse(p.contains("\n"), "one line each: " + p);
            assertTrue(p.startsWith("thresholds.drl.xlsx"), p);
        }
        RuleSetException rs = assertThrows(RuleSetException.class, () -> RuleSet.load(rules));
        assertTrue(rs.problems().stream().anyMatch(p -> p.startsWith("ERROR tables/thresholds.drl.xlsx")), rs.problems().toString());
        return e;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    // --- the shipped workbook

    @Test
    void theShippedWorkbookListsTheCsvValuesAndAgreesWithThem() {
        RuleSet shipped = RuleSet.load(ThresholdWorkbookFile.RULES);
        ThresholdChanges t = shipped.thresholds();
        assertTrue(t.present());
        assertEquals(List.of(), t.conflicts(), "regenerate with: alara-audit rules export-thresholds rules");
        PolicyTables csv = shipped.tables();
        long settings = csv.policy().settings().keySet().stream().filter(k -> ThresholdSetting.of(k).isPresent()).count();
        assertEquals(csv.catalog().entries().size() + csv.notificationValues().values().size() + settings
                + csv.cumulativeDose().thresholds().size(), t.rows(), "one row per CSV row the workbook can edit");
        assertEquals(ThresholdSetting.values().length, settings, "every editable setting is in settings.csv");
    }

    @Test
    void theShippedWorkbookIsWhatTheExportWritesFromTheCsvTables() throws IOException {
        Path tables = ThresholdWorkbookFile.RULES.resolve("tables");
        String shipped = ThresholdWorkbook.generatedDrl(Files.readAllBytes(tables.resolve(ThresholdWorkbook.FILE)));
        String fresh = ThresholdWorkbook.generatedDrl(ThresholdWorkbookWriter.bytes(ThresholdWorkbook.readCsv(tables)));
        assertEquals(fresh, shipped, "regenerate with: alara-audit rules export-thresholds rules");
    }

    @Test
    void theExportIsReproducibleByteForByte() throws IOException {
        ThresholdWorkbook.Tables csv = ThresholdWorkbook.readCsv(ThresholdWorkbookFile.RULES.resolve("tables"));
        assertTrue(Arrays.equals(ThresholdWorkbookWriter.bytes(csv), ThresholdWorkbookWriter.bytes(csv)),
                "a regeneration from unchanged CSV tables keeps the rule-set digest");
    }

    @Test
    void withoutAWorkbookTheCsvTablesAloneSetTheThresholds() throws IOException {
        Path rules = rules();
        Files.delete(rules.resolve("tables").resolve(ThresholdWorkbook.FILE));
        RuleSet rs = RuleSet.load(rules);
        assertFalse(rs.thresholds().present());
        assertEquals(AuditFixture.DEFAULT_RULES.tables().catalog().entries().toString(), rs.tables().catalog().entries().toString());
        assertEquals(AuditFixture.DEFAULT_RULES.tables().policy().settings(), rs.tables().policy().settings());
        assertFalse(rs.digest().equals(RuleSet.load(ThresholdWorkbookFile.RULES).digest()), "the digest covers the workbook");
    }

    // --- edits reach the rules

    /** A catalog row of one contrast has a workbook row of its own, keyed " +contrast": an edit there changes only that row. */
    @Test
    void theWithContrastRowOfAProtocolIsEditedApartFromTheOther() {
        Path rules = rules();
        ThresholdWorkbookFile wb = workbook(rules);
        wb.set(RANGES, "PED CHEST 10-15Y* +contrast", "CTDIvol upper (mGy)", 8.0)
                .set(RANGES, "PED CHEST 10-15Y* +contrast", "Reason (printed in the report)", "contrast protocol review 2026-11").save();
        RuleSet rs = RuleSet.load(rules);
        assertEquals(8.0, rs.tables().catalog().match("PED CHEST 10-15Y", null, org.alaraaudit.model.Contrast.WITH).orElseThrow()
                .expectedCtdivolMaxMgy());
        assertEquals(4.1, rs.tables().catalog().match("PED CHEST 10-15Y", null, null).orElseThrow().expectedCtdivolMaxMgy(),
                "the row without contrast keeps its value");
    }

    @Test
    void aRaisedExpectedUpperValueMovesDoseAboveExpectedRange() {
        Path rules = rules();
        ThresholdWorkbookFile wb = workbook(rules);
        int row = wb.row(RANGES, "PED CHEST 5-10Y*");
        wb.set(RANGES, "PED CHEST 5-10Y*", "CTDIvol upper (mGy)", 3.0)
                .set(RANGES, "PED CHEST 5-10Y*", "Reason (printed in the report)", "new detector, physicist review 2026-11").save();
        RuleSet rs = RuleSet.load(rules);
        CatalogEntry e = rs.tables().catalog().match("PED CHEST 5-10Y", "CT1", null).orElseThrow();
        assertEquals(3.0, e.expectedCtdivolMaxMgy());
        assertEquals(0.625, e.expectedCtdivolMinMgy(), "a cell left as exported keeps the CSV value");

        List<Finding> above = aboveExpected(rs, "3.01");
        assertEquals(1, above.size());
        assertEquals(3.0, above.get(0).referenceValue());
        assertTrue(above.get(0).referenceSource().startsWith("thresholds.drl.xlsx row " + row
                + " sets expected_ctdivol_max_mgy 3 (was 2.5 in protocol-catalog.csv): new detector"), above.get(0).referenceSource());
        // The row keeps its citation (a transcribed DRL), but the number is now the site's: findings.csv says local policy.
        AuditResult changed = new AuditFixture().rules(rs).row("ctdivol_mgy", "3.01").audit(dir);
        Finding f = findings(changed, "DOSE_ABOVE_EXPECTED_RANGE").get(0);
        assertEquals("local-policy", org.alaraaudit.report.CitedStatus.of(changed).of(f));
        AuditResult shipped = new AuditFixture().row("ctdivol_mgy", "3.01").audit(dir);
        assertEquals("secondary", org.alaraaudit.report.CitedStatus.of(shipped).of(findings(shipped, "DOSE_ABOVE_EXPECTED_RANGE").get(0)));
        assertEquals(List.of(), aboveExpected(rs, "3.0"));
        assertEquals(List.of(), aboveExpected(rs, "2.6"), "above the CSV's 2.5, below the workbook's 3");
        assertEquals(1, aboveExpected(AuditFixture.DEFAULT_RULES, "2.6").size());

        ThresholdChange c = rs.thresholds().conflicts().get(0);
        assertEquals(1, rs.thresholds().conflicts().size());
        assertEquals(row, c.sheetRow());
        assertEquals("CTDIvol upper (mGy)", c.column());
        assertEquals("2.5", c.csvValue());
        assertEquals("3", c.workbookValue());
        assertTrue(c.fromWorkbook());
        assertEquals(rs.thresholds().conflicts(), rs.thresholds().applied());
    }

    private List<Finding> aboveExpected(RuleSet rs, String ctdivol) {
        AuditResult r = new AuditFixture().rules(rs).row("ctdivol_mgy", ctdivol).audit(dir);
        return findings(r, "DOSE_ABOVE_EXPECTED_RANGE").stream().filter(f -> f.quantity().equals("CTDIvol")).toList();
    }

    @Test
    void aShorterRepeatWindowMakesAThirtyHourRescanNoRepeat() {
        Path rules = rules();
        workbook(rules).set(SETTINGS, "repeat_window_hours", "Value", 24).save();
        RuleSet rs = RuleSet.load(rules);
        assertEquals(24.0, rs.tables().policy().getRepeatWindowHours());
        assertEquals(1, repeats(AuditFixture.DEFAULT_RULES, "2026-10-11T16:00:00").size(), "30 h: a repeat under the CSV's 48 h");
        assertEquals(List.of(), repeats(rs, "2026-10-11T16:00:00"));
        assertEquals(1, repeats(rs, "2026-10-11T10:00:00").size(), "24 h is still inside");
        assertEquals(List.of(), repeats(rs, "2026-10-11T10:00:01"));
    }

    private List<Finding> repeats(RuleSet rs, String second) {
        AuditResult r = new AuditFixture().rules(rs).defaults("protocol_name", "LOCAL CHEST")
                .row("accession_number", "A1", "study_datetime", "2026-10-10T10:00:00")
                .row("accession_number", "A2", "study_datetime", second)
                .audit(dir);
        return findings(r, "REPEAT_STUDY");
    }

    @Test
    void aLowerNotificationValueIsUsedByCtNotificationValue() {
        Path rules = rules();
        workbook(rules).set(NOTIFICATIONS, "Pediatric torso <10 y (32 cm phantom)", "Notification value CTDIvol (mGy)", 6).save();
        RuleSet rs = RuleSet.load(rules);
        assertEquals(List.of(), notifications(AuditFixture.DEFAULT_RULES, "6.5"), "the CSV's value is 10 mGy");
        List<Finding> f = notifications(rs, "6.5");
        assertEquals(1, f.size());
        assertEquals(6.0, f.get(0).referenceValue());
        assertEquals(List.of(), notifications(rs, "6.0"));
        NotificationValue v = rs.tables().notificationValues().values().stream()
                .filter(n -> n.category().startsWith("Pediatric torso <10 y (32")).findFirst().orElseThrow();
        assertEquals(6.0, v.ctdivolMgy());
    }

    private List<Finding> notifications(RuleSet rs, String ctdivol) {
        AuditResult r = new AuditFixture().rules(rs).row("age_years", "8", "protocol_name", "LOCAL SCAN", "target_region", "CHEST",
                "phantom", "32", "ctdivol_mgy", ctdivol).audit(dir);
        return findings(r, "CT_NOTIFICATION_VALUE");
    }

    @Test
    void aCumulativeLevelIsNamedByMetricPopulationAndPosition() {
        Path rules = rules();
        workbook(rules).set(CUMULATIVE, "red_marrow_dose PEDIATRIC 2", "Threshold", 80).save();
        CumulativeDoseLevels levels = RuleSet.load(rules).tables().cumulativeDose();
        assertEquals(List.of(50.0, 80.0, 100.0), levels.thresholds().stream().map(t -> t.threshold()).toList());
        assertEquals(80.0, levels.highestReached(DoseMetric.RED_MARROW_DOSE, true, 99).orElseThrow().threshold());
    }

    // --- who wins

    @Test
    void aCsvEditAfterTheExportWinsOverTheUnchangedWorkbookCell() throws IOException {
        Path rules = rules();
        replace(rules.resolve("tables/settings.csv"), "repeat_window_hours,48,", "repeat_window_hours,24,");
        RuleSet rs = RuleSet.load(rules);
        assertEquals(24.0, rs.tables().policy().getRepeatWindowHours());
        ThresholdChange c = rs.thresholds().conflicts().get(0);
        assertEquals("48", c.workbookValue());
        assertEquals("24", c.csvValue());
        assertFalse(c.fromWorkbook());
        assertEquals(List.of(), rs.thresholds().applied());
        assertTrue(c.describe().contains("the audit uses 24 from settings.csv"), c.describe());
    }

    @Test
    void whenBothWereChangedTheWorkbookWins() throws IOException {
        Path rules = rules();
        replace(rules.resolve("tables/settings.csv"), "repeat_window_hours,48,", "repeat_window_hours,24,");
        workbook(rules).set(SETTINGS, "repeat_window_hours", "Value", 36).save();
        RuleSet rs = RuleSet.load(rules);
        assertEquals(36.0, rs.tables().policy().getRepeatWindowHours());
        assertTrue(rs.thresholds().conflicts().get(0).describe().contains("workbook 36, settings.csv line 3: 24; the audit uses 36 from the workbook"),
                rs.thresholds().conflicts().get(0).describe());
        assertTrue(rs.tables().policy().sourceOf("repeat_window_hours").startsWith("thresholds.drl.xlsx row "));
    }

    @Test
    void aRowWhoseCsvRowIsGoneIsReportedAndIgnored() throws IOException {
        Path rules = rules();
        Files.writeString(rules.resolve("tables/cumulative-dose.csv"),
                "metric,population,threshold,unit,source\nred_marrow_dose,PEDIATRIC,1,mGy,test level\n");
        RuleSet rs = RuleSet.load(rules);
        assertEquals(List.of(1.0), rs.tables().cumulativeDose().thresholds().stream().map(t -> t.threshold()).toList());
        List<String> lines = rs.thresholds().conflicts().stream().map(ThresholdChange::describe).toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("(cumulative-dose level effective_dose ANY 1): cumulative-dose.csv has no such row")),
                lines.toString());
    }

    // --- rows the audit cannot apply: the load stops, one line each naming row and column

    @Test
    void aValueThatIsNotANumber() {
        Path rules = rules();
        int row = workbook(rules).row(RANGES, "PED ABD 5-10Y*");
        workbook(rules).set(RANGES, "PED ABD 5-10Y*", "DLP upper (mGy·cm)", "17O").save();
        ThresholdWorkbookException e = loadFails(rules);
        assertEquals(List.of("thresholds.drl.xlsx row " + row + ", column \"DLP upper (mGy·cm)\" (protocol PED ABD 5-10Y*): \"17O\" is not a number"),
                e.problems());
    }

    @Test
    void valuesOutOfRange() {
        Path rules = rules();
        ThresholdWorkbookFile wb = workbook(rules);
        int factor = wb.row(SETTINGS, "expected_range_major_factor");
        int days = wb.row(SETTINGS, "cumulative_window_days");
        int nv = wb.row(NOTIFICATIONS, "Adult head");
        wb.set(SETTINGS, "expected_range_major_factor", "Value", 0.5).set(SETTINGS, "cumulative_window_days", "Value", 30.5)
                .set(NOTIFICATIONS, "Adult head", "Notification value CTDIvol (mGy)", 0).save();
        List<String> p = loadFails(rules).problems();
        assertEquals(List.of(
                "thresholds.drl.xlsx row " + nv + ", column \"Notification value CTDIvol (mGy)\" (notification value Adult head): 0 must be above 0",
                "thresholds.drl.xlsx row " + factor + ", column \"Value\" (setting expected_range_major_factor): 0.5 must be at least 1",
                "thresholds.drl.xlsx row " + days + ", column \"Value\" (setting cumulative_window_days): 30.5 must be a whole number"), p);
    }

    @Test
    void aProtocolTheCatalogDoesNotHave() {
        Path rules = rules();
        ThresholdWorkbookFile wb = workbook(rules);
        int row = wb.row(RANGES, "PED CHEST 1-5Y*");
        wb.set(RANGES, "PED CHEST 1-5Y*", "Protocol (catalog pattern)", "PED CHEST 1-5 Y*").save();
        assertEquals(List.of("thresholds.drl.xlsx row " + row + ": the Protocol cell matches no protocol of protocol-catalog.csv"
                + " (spell it exactly as in the CSV, with \" @STATION\" for a station's own row and \" +contrast\" or \" -contrast\" for a row"
                + " of one contrast)"), loadFails(rules).problems());
    }

    @Test
    void anEmptyKeyCell() {
        Path rules = rules();
        ThresholdWorkbookFile wb = workbook(rules);
        int row = wb.row(SETTINGS, "repeat_window_hours");
        wb.set(SETTINGS, "repeat_window_hours", "Setting", null).save();
        assertEquals(List.of("thresholds.drl.xlsx row " + row + ": the Setting cell is empty; each row names one setting"),
                loadFails(rules).problems());
    }

    @Test
    void aRowThatMatchesMoreThanOneLevel() {
        Path rules = rules();
        ThresholdWorkbookFile wb = workbook(rules);
        int row = wb.row(CUMULATIVE, "red_marrow_dose PEDIATRIC 1");
        wb.set(CUMULATIVE, "red_marrow_dose PEDIATRIC 1", "Level", null).save();
        assertEquals(List.of("thresholds.drl.xlsx row " + row + ": matches 2 rows of cumulative-dose.csv (lines 2 and 3); fill in"
                + " Metric, Population and Level so that the row names one cumulative-dose level"), loadFails(rules).problems());
    }

    @Test
    void twoRowsForOneProtocol() {
        Path rules = rules();
        ThresholdWorkbookFile wb = workbook(rules);
        int first = wb.row(RANGES, "PED HEAD 0-1Y*");
        int second = wb.row(RANGES, "PED HEAD 1-2Y*");
        wb.set(RANGES, "PED HEAD 1-2Y*", "Protocol (catalog pattern)", "PED HEAD 0-1Y*").save();
        List<String> p = loadFails(rules).problems();
        assertTrue(p.contains("thresholds.drl.xlsx rows " + first + " and " + second + " all name protocol PED HEAD 0-1Y*"
                + " (protocol-catalog.csv line 2): keep one row per protocol"), p.toString());
    }

    @Test
    void aLowerValueAboveTheUpperOne() {
        Path rules = rules();
        ThresholdWorkbookFile wb = workbook(rules);
        int row = wb.row(RANGES, "PED CHEST 5-10Y*");
        wb.set(RANGES, "PED CHEST 5-10Y*", "CTDIvol lower (mGy)", 2.6).save();
        assertEquals(List.of("thresholds.drl.xlsx row " + row + " (protocol PED CHEST 5-10Y*): \"CTDIvol lower (mGy)\" 2.6 (workbook)"
                + " is above \"CTDIvol upper (mGy)\" 2.5 (protocol-catalog.csv line 11)"), loadFails(rules).problems());
    }

    @Test
    void aUnitTheCsvDoesNotHave() {
        Path rules = rules();
        ThresholdWorkbookFile wb = workbook(rules);
        int row = wb.row(SETTINGS, "repeat_window_hours");
        wb.set(SETTINGS, "repeat_window_hours", "Value", 2).set(SETTINGS, "repeat_window_hours", "Unit", "days").save();
        assertEquals(List.of("thresholds.drl.xlsx row " + row + ", column \"Unit\" (setting repeat_window_hours): \"days\" is not the unit"
                + " of settings.csv line 3 (hours); the workbook changes values, not units"), loadFails(rules).problems());
    }

    @Test
    void aSettingTheWorkbookMayNotChange() {
        Path rules = rules();
        ThresholdWorkbookFile wb = workbook(rules);
        int row = wb.row(SETTINGS, "repeat_window_hours");
        wb.set(SETTINGS, "repeat_window_hours", "Setting", "drl_min_sample_studies").save();
        assertEquals(List.of("thresholds.drl.xlsx row " + row + ", column \"Value\" (setting drl_min_sample_studies): this setting cannot"
                + " be changed in the workbook; change it in settings.csv"), loadFails(rules).problems());
    }

    @Test
    void aCellOutsideTheTableColumnsIsADecisionTableError() {
        Path rules = rules();
        ThresholdWorkbookFile wb = workbook(rules);
        int row = wb.row(NOTIFICATIONS, "Adult head");
        wb.setCell(row, 5, "stray").save();
        List<String> p = loadFails(rules).problems();
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("thresholds.drl.xlsx row " + row + ", column F: cannot be read as a decision table: "), p.get(0));
    }

    @Test
    void anActionRewrittenIntoBrokenCodeNamesItsRow() {
        Path rules = rules();
        ThresholdWorkbookFile wb = workbook(rules);
        int header = wb.row(SETTINGS, "pediatric_age_years") - 2;
        int column = wb.column(SETTINGS, "Value");
        assertEquals("edits.value(kcontext, \"value\", \"$param\");", wb.get(header, column));
        wb.setCell(header, column, "edits.valeu(kcontext, \"value\", \"$param\");").save();
        List<String> p = loadFails(rules).problems();
        assertFalse(p.isEmpty());
        assertTrue(p.stream().allMatch(x -> x.matches("thresholds\\.drl\\.xlsx row \\d+: does not compile: .*")), p.toString());
    }

    // --- LibreOffice

    /**
     * An officer opens the workbook in LibreOffice and saves it: it must still compile and give the same thresholds,
     * an edit made before included (so the hidden columns and the merged pattern cell survive the save).
     */
    @Test
    void aWorkbookSavedByLibreOfficeGivesTheSameThresholds() throws Exception {
        String soffice = onPath("soffice");
        Assumptions.assumeTrue(soffice != null, "soffice is not installed");
        Path rules = rules();
        workbook(rules).set(RANGES, "PED CHEST 5-10Y*", "CTDIvol upper (mGy)", 3.0).save();
        Path file = rules.resolve("tables").resolve(ThresholdWorkbook.FILE);
        RuleSet before = RuleSet.load(rules);
        byte[] poi = Files.readAllBytes(file);
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(file, in.resolve(ThresholdWorkbook.FILE));
        Path out = Files.createDirectories(dir.resolve("out"));
        // a private profile, so a LibreOffice the user has open (or a parallel test) does not swallow the call
        Process p = new ProcessBuilder(soffice, "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
                "--convert-to", "xlsx", "--outdir", out.toString(), in.resolve(ThresholdWorkbook.FILE).toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "soffice finished");
        String log = Files.readString(dir.resolve("soffice.log"));
        assertEquals(0, p.exitValue(), log);
        Path saved = out.resolve(ThresholdWorkbook.FILE);
        assertTrue(Files.isRegularFile(saved), log);
        assertFalse(Arrays.equals(poi, Files.readAllBytes(saved)), "LibreOffice wrote the file anew");

        Files.copy(saved, file, StandardCopyOption.REPLACE_EXISTING);
        RuleSet after = RuleSet.load(rules);
        assertEquals(thresholds(before), thresholds(after));
        assertEquals(before.thresholds().rows(), after.thresholds().rows());
        assertEquals(before.thresholds().conflicts(), after.thresholds().conflicts());
        assertEquals(1, after.thresholds().applied().size());
        assertEquals(3.0, after.tables().catalog().match("PED CHEST 5-10Y", null, null).orElseThrow().expectedCtdivolMaxMgy());
    }

    private static String thresholds(RuleSet rs) {
        PolicyTables t = rs.tables();
        return t.catalog().entries() + "\n" + t.notificationValues().values() + "\n" + t.policy().settings() + "\n"
                + t.cumulativeDose().thresholds();
    }

    private static String onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    @Test
    void theWorkbookCompilesWithDroolsAsADecisionTable() throws IOException {
        String drl = ThresholdWorkbook.generatedDrl(Files.readAllBytes(ThresholdWorkbookFile.RULES.resolve("tables/" + ThresholdWorkbook.FILE)));
        assertTrue(drl.contains("CumulativeLevel(metric == \"red_marrow_dose\", population == \"PEDIATRIC\", level == \"1\")"),
                "the merged pattern cell spans the three conditions");
        assertTrue(drl.contains("CatalogRow(key == \"PED CHEST 5-10Y*\")"));
        assertNotNull(AuditFixture.DEFAULT_RULES.thresholds());
    }
}

package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.rules.RuleSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a scheduler sees it: exit codes, one clear message, no stack trace. */
class CliTest {
    @TempDir
    Path dir;

    /** `audit` keeps a history store by default: here a temporary one, never the real user data folder. */
    @BeforeAll
    static void temporaryHistoryStore(@TempDir Path home) {
        System.setProperty(StoreOption.DEFAULT_PROPERTY, "jdbc:h2:file:" + home.resolve("history"));
    }

    @AfterAll
    static void noHistoryStoreDefault() { System.clearProperty(StoreOption.DEFAULT_PROPERTY); }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path sampleLog() {
        return new AuditFixture()
                .row("patient_id", "MRN-SECRET-77", "accession_number", "A1", "protocol_name", "CHEST ROUTINE")
                .row("patient_id", "MRN-SECRET-78", "accession_number", "A2", "ctdivol_mgy", "oops")
                .write(dir, "log.csv");
    }

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aPeriodWithoutAnyStudyOfTheInputStopsWithExit3NamingTheDaysTheInputCoversAndWritesNothing(@TempDir Path out) throws IOException {
        // a typo of the year: the sample months are August to October 2026
        String store = "jdbc:h2:file:" + out.resolve("store").resolve("history");
        Run r = run("audit", "sample-data", "--period", "2025-10", "--out", out.resolve("reports").toString(), "--history", store,
                "--format", "pdf,csv", "--fail-on", "MAJOR");
        assertEquals(3, r.code(), r.err());
        assertEquals("alara-audit: input unusable: No study of the input falls in the period 2025-10-01 to 2025-10-31; the input's studies"
                + " run from 2026-08-01 to 2026-10-31. Check --period and the files. Nothing was written.", r.err().strip());
        assertEquals("", r.out());
        assertFalse(Files.exists(out.resolve("reports").resolve("audit-2025-10.pdf")), "no report of no studies to sign");
        assertNoStackTrace(r);
        Run trend = run("trend", "--history", store, "--out", out.resolve("trend").toString());
        assertTrue(trend.code() != 0 || !trend.out().contains("2025-10"), "no run was stored: " + trend.out() + trend.err());
        Run october = run("audit", "sample-data", "--period", "2026-10", "--out", out.resolve("oct").toString(), "--no-history", "--format", "csv");
        assertFalse(october.out().contains("No study of the input"), october.out());
    }

    @Test
    void versionNamesTheToolAndAuditHelpListsItsOptionsBothWithExitZero() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("alara-audit "), v.out());
        Run h = run("audit", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--period"));
    }

    @Test
    void auditWritesTheFilesAndTheSummaryReconciles() throws IOException {
        Path out = dir.resolve("reports");
        Run r = run("audit", sampleLog().toString(), "--period", "2026-10", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Rows: 2 read = 1 audited + 1 rejected + 0 duplicate + 0 excluded"), r.out());
        assertTrue(r.out().contains("log.csv line 3: ctdivol_mgy \"oops\" is not a number"), r.out());
        for (String f : new String[]{"findings.csv", "rejected.csv", "findings.json", "audit-2026-10.pdf", "audit-2026-10.xlsx"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
        JsonNode rows = json.get("rows");
        assertEquals(rows.get("read").asLong(), rows.get("audited").asLong() + rows.get("rejected").asLong()
                + rows.get("duplicate").asLong() + rows.get("excluded").asLong());
        assertEquals("PEDIATRIC_ADULT_PROTOCOL", json.get("findings").get(0).get("rule_id").asText());
        assertEquals("2026-10-01", json.get("run").get("period").get("from").asText());
        assertTrue(json.get("run").get("rule_set_digest").asText().startsWith("sha256:"));
    }

    @Test
    void badTemplateIsAUsageErrorNamingFileAndKey() throws IOException {
        Path t = dir.resolve("tpl");
        Files.createDirectories(t);
        Files.writeString(t.resolve("template.properties"), "title = Audit\nsections = cover\ncolour.primary = navy\n");
        Run r = run("audit", sampleLog().toString(), "--out", dir.resolve("o").toString(), "--template", t.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("template.properties") && r.err().contains("colour.primary"), r.err());
        assertEquals(0, run("audit", sampleLog().toString(), "--out", dir.resolve("o2").toString(), "--template", "accreditation").code());
    }

    @Test
    void noOutputCarriesTheRawPatientId() throws IOException {
        Path out = dir.resolve("reports");
        Run r = run("audit", sampleLog().toString(), "--out", out.toString(), "--format", "csv,json");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("MRN-SECRET"));
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) assertFalse(Files.readString(f).contains("MRN-SECRET"), f.toString());
        }
    }

    @Test
    void findingIdsAreStableAcrossRuns() throws IOException {
        Path log = sampleLog();
        run("audit", log.toString(), "--out", dir.resolve("a").toString());
        run("audit", log.toString(), "--out", dir.resolve("b").toString());
        assertEquals(Files.readString(dir.resolve("a/findings.csv")), Files.readString(dir.resolve("b/findings.csv")));
    }

    @Test
    void failOnGivesExitOneWhenSuchAFindingExists() {
        assertEquals(1, run("audit", sampleLog().toString(), "--out", dir.resolve("o").toString(), "--fail-on", "major").code());
        assertEquals(0, run("audit", sampleLog().toString(), "--out", dir.resolve("o").toString(), "--fail-on", "critical").code());
    }

    @Test
    void missingRequiredColumnIsExitThreeNamingFileAndColumn() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "patient_id,age_years,facility,station_name,study_datetime,modality\nM1,5,G,CT1,2026-10-01T10:00,CT\n");
        Run r = run("audit", f.toString(), "--out", dir.resolve("o").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("bad.csv") && r.err().contains("accession_number"), r.err());
        assertNoStackTrace(r);
        assertFalse(Files.exists(dir.resolve("o/findings.csv")), "nothing is written half-way");
    }

    @Test
    void missingInputAndEmptyFolderAreExitThree() throws IOException {
        assertEquals(3, run("audit", dir.resolve("nope.csv").toString()).code());
        Files.createDirectories(dir.resolve("empty"));
        Run r = run("audit", dir.resolve("empty").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("no scan logs"), r.err());
    }

    @Test
    void usageErrorsAreExitTwo() {
        assertEquals(2, run("audit").code());
        assertEquals(2, run("audit", sampleLog().toString(), "--period", "October").code());
        assertEquals(2, run("audit", sampleLog().toString(), "--format", "docx").code());
        assertEquals(2, run("audit", sampleLog().toString(), "--period", "2026-10", "--from", "2026-10-01", "--to", "2026-10-31").code());
        assertEquals(2, run("frobnicate").code());
    }

    @Test
    void anUnknownDrlSetIsAUsageErrorNamingTheSetsThereAre() {
        Run r = run("audit", sampleLog().toString(), "--period", "2026-10", "--drl-set", "XX", "--no-history",
                "--out", dir.resolve("drl").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--drl-set XX: the rules' tables have no DRL set of that name; available: EU, US"), r.err());
        assertFalse(Files.exists(dir.resolve("drl").resolve("findings.csv")), "nothing written");
        assertEquals(0, run("audit", sampleLog().toString(), "--period", "2026-10", "--drl-set", "EU", "--no-history",
                "--format", "csv", "--out", dir.resolve("eu").toString()).code());
    }

    @Test
    void openRemExportWithoutPatientIdsAuditsAndSaysWhatIsNotAssessable() throws Exception {
        Path export = Path.of(getClass().getResource("/openrem/openrem-ct-no-patient-id.xlsx").toURI());
        Run r = run("audit", export.toString(), "--out", dir.resolve("o").toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("REPEAT_STUDY and CUMULATIVE_DOSE not assessable: the export has no patient identifier"), r.out());
        assertTrue(r.out().contains("0 rejected"), r.out());
    }

    @Test
    void unknownProfileIsAUsageError() {
        Run r = run("audit", sampleLog().toString(), "--profile", "vendor-x");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("vendor-x"), r.err());
        assertEquals(0, run("audit", sampleLog().toString(), "--out", dir.resolve("o").toString(), "--format", "csv",
                "--profile", "canonical").code());
    }

    private Path copyOfDefaultRules() throws IOException {
        Path src = RuleSet.defaultRules();
        Path dst = dir.resolve("rules");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return dst;
    }

    @Test
    void brokenRuleFileIsExitFourNamingFileAndLine() throws IOException {
        Path rules = copyOfDefaultRules();
        Files.writeString(rules.resolve("policy/local.drl"), "package org.alaraaudit.rules.policy;\n"
                + "import org.alaraaudit.model.Study;\n\nrule \"broken\"\nwhen\n    Study( agee > 3 )\nthen\nend\n");
        Run r = run("rules", "validate", "--rules", rules.toString());
        assertEquals(4, r.code());
        assertTrue(r.err().contains("policy/local.drl:6"), r.err());
        assertNoStackTrace(r);
        assertEquals(4, run("audit", sampleLog().toString(), "--rules", rules.toString()).code());
    }

    @Test
    void brokenRulesAreTheErrorReportedThoughTheHistoryStoreCannotBeOpenedEither() throws IOException {
        // The rules load while the store opens; the user still hears about the rules first, as when they loaded first.
        Path rules = copyOfDefaultRules();
        Files.writeString(rules.resolve("policy/local.drl"), "package org.alaraaudit.rules.policy;\n"
                + "import org.alaraaudit.model.Study;\n\nrule \"broken\"\nwhen\n    Study( agee > 3 )\nthen\nend\n");
        Path store = dir.resolve("damaged");
        Files.writeString(dir.resolve("damaged.mv.db"), "not an H2 store at all, but long enough to be looked at ".repeat(100));
        String history = "jdbc:h2:file:" + store;
        Run damagedOnly = run("audit", sampleLog().toString(), "--history", history, "--out", dir.resolve("r1").toString());
        assertEquals(5, damagedOnly.code(), damagedOnly.err());
        Run both = run("audit", sampleLog().toString(), "--rules", rules.toString(), "--history", history,
                "--out", dir.resolve("r2").toString());
        assertEquals(4, both.code(), both.err());
        assertTrue(both.err().contains("policy/local.drl:6"), both.err());
        assertNoStackTrace(both);
    }

    @Test
    void brokenTableIsExitFourNamingFileLineAndColumn() throws IOException {
        Path rules = copyOfDefaultRules();
        Path catalog = rules.resolve("tables/protocol-catalog.csv");
        Files.writeString(catalog, Files.readString(catalog).replaceFirst(",5.75,23,", ",5.75,twenty3,"));
        Run r = run("rules", "validate", "--rules", rules.toString());
        assertEquals(4, r.code());
        assertTrue(r.err().contains("protocol-catalog.csv:2") && r.err().contains("expected_ctdivol_max_mgy"), r.err());
    }

    @Test
    void rulesListNamesEveryRuleWithSeverityAndSource() {
        Run r = run("rules", "list");
        assertEquals(0, r.code(), r.err());
        for (String id : new String[]{"PEDIATRIC_ADULT_PROTOCOL", "PEDIATRIC_PROTOCOL_SIZE_MISMATCH", "UNMAPPED_PROTOCOL",
                "CT_NOTIFICATION_VALUE", "CT_ALERT_VALUE", "DOSE_ABOVE_EXPECTED_RANGE", "DOSE_BELOW_EXPECTED_RANGE",
                "REPEAT_STUDY", "PEDIATRIC_MULTIPHASE", "DOSE_DATA_MISSING"}) {
            assertTrue(r.out().contains(id), id);
        }
        assertTrue(r.out().contains("source: AAPM"), r.out());
        assertEquals(0, run("rules", "validate").code());
    }
}

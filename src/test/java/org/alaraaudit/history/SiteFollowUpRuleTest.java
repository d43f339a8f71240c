package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditProgress;
import org.alaraaudit.audit.AuditRequest;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;
import org.alaraaudit.model.Finding;
import org.alaraaudit.report.Disclosure;
import org.alaraaudit.report.excel.ExcelReport;
import org.alaraaudit.report.html.AuditDashboard;
import org.alaraaudit.report.pdf.PdfReport;
import org.alaraaudit.report.pdf.ReportTemplate;
import org.alaraaudit.rules.RuleSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site that adds a rule of its own with a follow-up ({@code @followUp}) gets its patients on every list of patients
 * to call back, as the shipped skin follow-up's: the PDF's list, the workbook's sheet, the dashboard's data and the
 * count the history store keeps per facility. They were tied to the one shipped rule id, so such a rule came first
 * among the things worth acting on and was on none of the lists.
 */
class SiteFollowUpRuleTest {
    private static final String SITE_RULE = "SITE_FLUORO_HAIR_CHECK";

    @TempDir
    static Path shared;

    static AuditResult result;
    static StoreRuns store;

    @BeforeAll
    static void auditWithASiteFollowUpRule() throws IOException {
        Path rules = AuditFixture.copyDefaultRules(shared.resolve("rules"));
        Files.writeString(rules.resolve("policy/site-follow-up.drl"), """
                package org.alaraaudit.rules.policy;

                import org.alaraaudit.model.Study;

                global org.alaraaudit.rules.FindingCollector findings;
                global org.alaraaudit.rules.Policy policy;

                rule "Site hair-loss check after a long neuro-interventional procedure"
                    @ruleId("SITE_FLUORO_HAIR_CHECK") @severity("MAJOR") @scope("study")
                    @source("Site policy (test)")
                    @title("Site hair-loss check")
                    @action("phone the patient at 3 weeks and ask about hair loss")
                    @followUp("a phone call 3 weeks after the procedure (site policy)")
                    @threshold("Ka,r 2000 mGy (site level)")
                when
                    $s : Study( inPeriod, fluoroscopy, karTotalMgy != null, karTotalMgy >= 2000, karTotalMgy < 5000 )
                then
                    findings.study(kcontext, $s, null, "Ka,r", $s.getKarTotalMgy(), 2000.0, "mGy", "Site policy (test)",
                        "Ka,r past the site's hair-check level");
                end
                """, StandardCharsets.UTF_8);
        AuditFixture f = new AuditFixture().defaults("age_years", "60", "modality", "RF", "station_name", "RF1",
                "protocol_name", "NEURO EMBOLISATION", "acquisition_type", "", "target_region", "", "ctdivol_mgy", "",
                "phantom", "", "dlp_mgycm", "", "dap_gycm2", "120", "study_datetime", "2026-10-12T09:00:00")
                .row("ka_r_mgy", "5400", "accession_number", "SKIN", "patient_id", "P1")
                .row("ka_r_mgy", "2500", "accession_number", "HAIR", "patient_id", "P2", "study_datetime", "2026-10-20T09:00:00");
        Path log = f.write(shared, "october.csv");
        store = new StoreRuns("jdbc:h2:file:" + shared.resolve("store").resolve("history"));
        try (RunHistory history = RunHistory.of(store.store)) {
            AuditRequest req = new AuditRequest(List.of(log), AuditPeriod.month(java.time.YearMonth.of(2026, 10)), null, null,
                    "Test Hospital", AuditFixture.RUN_TIME, ZoneOffset.UTC, AuditFixture.SECRET, 250_000);
            result = new AuditRun(RuleSet.load(rules), "test", history).run(req, AuditProgress.NONE);
            history.record(result);
        }
    }

    private static Finding hair() { return AuditFixture.findings(result, SITE_RULE).get(0); }

    @Test
    void theSiteRuleFindsTheSecondProcedureAndTheShippedRuleTheFirst() {
        assertEquals(List.of("HAIR"), AuditFixture.findings(result, SITE_RULE).stream().map(Finding::accessionNumber).toList());
        assertEquals(List.of("SKIN"), AuditFixture.findings(result, "FLUORO_SUBSTANTIAL_DOSE").stream().map(Finding::accessionNumber).toList());
        assertEquals(List.of("FLUORO_SUBSTANTIAL_DOSE", SITE_RULE), result.followUps().rules().stream().map(r -> r.ruleId()).toList());
        assertEquals(2, result.followUps().count());
    }

    @Test
    void thePdfListsBothPatientsAndSaysWhatEachRuleAsks() throws IOException {
        Path pdf = shared.resolve("audit.pdf");
        PdfReport.write(result, ReportTemplate.load("default"), null, pdf);
        String text;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
        int at = text.indexOf("Patient follow-up. ");
        assertTrue(at > 0, text);
        String list = text.substring(at);
        assertTrue(list.contains("Site hair-loss check: 1 procedure (threshold: Ka,r 2000 mGy (site level)); follow-up: a phone call"
                + " 3 weeks after the procedure (site policy). Suggested: phone the patient at 3 weeks and ask about hair loss."), list);
        assertTrue(list.contains("Substantial radiation dose level (skin follow-up): 1 procedure"), list);
        assertTrue(list.contains(hair().patientRef()), "the site rule's patient is on the list: " + list);
        assertTrue(list.contains(AuditFixture.findings(result, "FLUORO_SUBSTANTIAL_DOSE").get(0).patientRef()), list);
        assertTrue(list.contains("Site hair-loss check: Ka,r past the site's hair-check level"), "which rule, when the list has two: " + list);
        int actions = text.indexOf("Most worth acting on");
        assertTrue(text.indexOf("Site hair-loss check", actions) > actions, "still among the things worth acting on");
    }

    @Test
    void theWorkbooksFollowUpSheetHasBothProceduresWithTheirRulesAdvice() throws IOException {
        Path xlsx = shared.resolve("audit.xlsx");
        ExcelReport.write(result, xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Skin follow-up");
            Map<String, Integer> column = new java.util.HashMap<>();
            for (var c : sheet.getRow(0)) column.put(c.getStringCellValue(), c.getColumnIndex());
            List<String> rows = new ArrayList<>();
            for (Row r : sheet) {
                if (r.getRowNum() == 0) continue;
                rows.add(r.getCell(column.get("accession_number")).getStringCellValue() + " " + r.getCell(column.get("rule_id")).getStringCellValue()
                        + " " + r.getCell(column.get("advice")).getStringCellValue());
            }
            assertEquals(List.of("SKIN FLUORO_SUBSTANTIAL_DOSE tell the patient and the referring physician, and check the skin at 2 to 4"
                    + " weeks after the procedure", "HAIR " + SITE_RULE + " phone the patient at 3 weeks and ask about hair loss"), rows);
        }
    }

    @Test
    void theDashboardDataHasBothPatients() throws IOException {
        Path page = shared.resolve("audit.html");
        AuditDashboard.write(result, Disclosure.PATIENT_LEVEL, null, page);
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"dashboard-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(Files.readString(page, StandardCharsets.UTF_8));
        assertTrue(m.find());
        JsonNode list = new ObjectMapper().readTree(m.group(1)).get("skinFollowUp");
        assertEquals(2, list.size(), list.toString());
        assertEquals("HAIR", list.get(1).get("procedure").asText());
        assertEquals(hair().patientRef(), list.get(1).get("patient").asText());
        assertEquals("Site hair-loss check", list.get(1).get("rule").asText());
        assertEquals("phone the patient at 3 weeks and ask about hair loss", list.get(1).get("advice").asText());
    }

    @Test
    void theStoreCountsBothOnTheFacilitysFollowUpList() throws Exception {
        assertEquals(1, store.count("SELECT COUNT(*) FROM run_fluoroscopy"));
        assertEquals(1, store.count("SELECT COUNT(*) FROM run_fluoroscopy WHERE facility = '" + hair().facility() + "'"
                + " AND procedures = 2 AND skin_follow_up = 2"));
    }
}

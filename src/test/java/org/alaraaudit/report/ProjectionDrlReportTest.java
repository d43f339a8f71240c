package org.alaraaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.report.excel.ExcelReport;
import org.alaraaudit.report.files.FindingsCsv;
import org.alaraaudit.report.files.FindingsJson;
import org.alaraaudit.report.pdf.PdfReport;
import org.alaraaudit.report.pdf.ReportTemplate;
import org.alaraaudit.rules.RuleIds;
import org.alaraaudit.rules.RuleSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typical values' DRL comparison in the reports: the PDF's and the workbook's typical-value tables give each
 * value's status and the DRL row with its source and status, and a median above its DRL is a finding like any
 * other (findings list, Findings sheet, findings.csv). Without a row the reports say no DRL is in the tables.
 */
class ProjectionDrlReportTest {
    @TempDir
    static Path shared;

    static AuditResult judged;

    @TempDir
    Path dir;

    @BeforeAll
    static void auditWithASitesDrlRows() throws IOException {
        Path rules = AuditFixture.copyDefaultRules(shared.resolve("rules"));
        Files.writeString(rules.resolve("tables/projection-drl.csv"),
                "drl_set,kind,exam,band_type,band,age_min_years,age_max_years,weight_min_kg,weight_max_kg,dap_gycm2,source,status,verified_by,verified_on,notes\n"
                        + ",radiography,CHEST PA,age,5-<10 y,5,10,,,0.05,Test national DRL A (chest),secondary,,,\n"
                        + ",radiography,SKULL AP,age,5-<10 y,5,10,,,0.3,Test national DRL D (skull),unverified,,,\n",
                StandardCharsets.UTF_8);
        AuditFixture f = new AuditFixture().rules(RuleSet.load(rules)).defaults("modality", "DX", "station_name", "DX1",
                "protocol_name", "PED CHEST PA", "acquisition_type", "", "target_region", "", "ctdivol_mgy", "", "phantom", "",
                "dlp_mgycm", "", "body_part", "CHEST", "view", "PA", "age_years", "7");
        // Ten chest PA studies above the chest DRL, three skull AP studies (too few) and one hand PA (no DRL row).
        for (int i = 0; i < 10; i++) f.row("patient_id", "C" + i, "accession_number", "C" + i, "dap_gycm2", "0.08");
        for (int i = 0; i < 3; i++) f.row("patient_id", "S" + i, "accession_number", "S" + i, "body_part", "SKULL", "view", "AP", "dap_gycm2", "0.5");
        f.row("patient_id", "H", "accession_number", "H", "body_part", "HAND", "view", "PA", "dap_gycm2", "0.01");
        judged = f.audit(shared);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
    }

    @Test
    void thePdfGivesEachTypicalValuesStatusAndItsDrlRowWithSourceAndStatus() throws IOException {
        Path pdf = dir.resolve("audit.pdf");
        PdfReport.write(judged, ReportTemplate.load("default"), null, pdf);
        String text = pdfText(pdf);
        // A narrow cell wraps its text (even inside "5-<10 y"): compare cells without their spaces.
        String cells = text.replace(" ", "");
        assertTrue(text.contains("ABOVE DRL"), text);
        assertTrue(cells.contains("CHESTPA,5-<10y;fromasecondarysource[1]"), text);
        assertTrue(text.contains("insufficient sample"), text);
        assertTrue(cells.contains("SKULLAP,5-<10y;unverified[2]"), text);
        assertTrue(text.contains("no DRL row"), text);
        assertTrue(text.contains("Test national DRL A (chest)"), "the source is cited under the table");
        assertTrue(text.contains("at least 10 studies"), text);
        assertTrue(text.contains("Facility median DAP above the DRL"), "the finding is listed under its title");
        assertFalse(text.contains("projection-drl.csv"), "the PDF names no file");
    }

    @Test
    void theWorkbookGivesTheStatusTheDrlRowItsStatusAndSourceAndTheFinding() throws Exception {
        Path xlsx = dir.resolve("audit.xlsx");
        ExcelReport.write(judged, xlsx);
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = new XSSFWorkbook(xlsx.toFile())) {
            Sheet s = wb.getSheet("X-ray typical values");
            List<String> header = new ArrayList<>();
            for (var c : s.getRow(0)) header.add(fmt.formatCellValue(c));
            assertEquals(List.of("facility", "kind", "exam", "band", "exposures or procedures", "studies", "median DAP (Gy·cm²)",
                    "DRL (Gy·cm²)", "ratio to DRL", "DRL status", "DRL comparison", "DRL row (set, exam, band)",
                    "DRL reference status", "DRL source"), header);
            List<List<String>> rows = new ArrayList<>();
            for (Row r : s) {
                if (r.getRowNum() == 0) continue;
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) cells.add(r.getCell(i) == null ? "" : fmt.formatCellValue(r.getCell(i)));
                rows.add(cells);
            }
            List<String> chest = rows.stream().filter(r -> r.get(2).equals("CHEST PA")).findFirst().orElseThrow();
            assertEquals(List.of("ABOVE DRL", "above the DRL", "CHEST PA, 5-<10 y", "from a secondary source",
                    "Test national DRL A (chest)"), chest.subList(9, 14), chest.toString());
            List<String> skull = rows.stream().filter(r -> r.get(2).equals("SKULL AP")).findFirst().orElseThrow();
            assertEquals("insufficient sample", skull.get(9), "in the PDF's words");
            assertEquals("insufficient sample: 3 studies, fewer than 10; not judged", skull.get(10));
            List<String> hand = rows.stream().filter(r -> r.get(2).equals("HAND PA")).findFirst().orElseThrow();
            assertEquals("no DRL row", hand.get(9));
            assertEquals("", hand.get(13));

            Sheet findings = wb.getSheet("Findings");
            boolean listed = false;
            for (Row r : findings) for (var c : r) listed |= RuleIds.DAP_DRL_MEDIAN_EXCEEDED.equals(fmt.formatCellValue(c));
            assertTrue(listed, "the finding is on the Findings sheet");
        }
    }

    @Test
    void theFindingIsInFindingsCsvWithItsMedianDrlAndSource() throws IOException {
        Path csv = dir.resolve("findings.csv");
        FindingsCsv.writeFindings(judged, Disclosure.PATIENT_LEVEL, csv);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        String line = text.lines().filter(l -> l.contains(RuleIds.DAP_DRL_MEDIAN_EXCEEDED)).findFirst().orElseThrow(() -> new AssertionError(text));
        assertTrue(line.contains("median DAP per exposure,0.08,0.05,Gy·cm²,Test national DRL A (chest)"), line);
        assertEquals(1, AuditFixture.findings(judged, RuleIds.DAP_DRL_MEDIAN_EXCEEDED).size());

        Path json = dir.resolve("findings.json");
        FindingsJson.write(judged, Disclosure.PATIENT_LEVEL, json);
        com.fasterxml.jackson.databind.JsonNode found = null;
        for (var f : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("findings")) {
            if (RuleIds.DAP_DRL_MEDIAN_EXCEEDED.equals(f.get("rule_id").asText())) found = f;
        }
        assertTrue(found != null, "the finding is in findings.json");
        assertEquals("drl_group", found.get("scope").asText());
        assertEquals("Test national DRL A (chest)", found.get("reference_source").asText());
    }

    @Test
    void withoutARowThePdfSaysNoDrlIsInTheTables() throws IOException {
        AuditResult plain = new AuditFixture().defaults("modality", "DX", "station_name", "DX1", "protocol_name", "PED CHEST PA",
                "acquisition_type", "", "target_region", "", "ctdivol_mgy", "", "phantom", "", "dlp_mgycm", "",
                "body_part", "CHEST", "view", "PA").row("dap_gycm2", "0.08").audit(dir);
        Path pdf = dir.resolve("plain.pdf");
        PdfReport.write(plain, ReportTemplate.load("default"), null, pdf);
        String text = pdfText(pdf);
        assertTrue(text.contains("No radiography or fluoroscopy DRL is in the tables (none with a source ships with the tool)"), text);
        assertTrue(text.contains("no values: the site adds its own, each with its source"), "the empty table in the reference status table");
    }
}

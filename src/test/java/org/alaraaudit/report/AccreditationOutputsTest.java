package org.alaraaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.report.excel.ExcelReport;
import org.alaraaudit.report.files.FindingsCsv;
import org.alaraaudit.report.files.FindingsJson;
import org.alaraaudit.report.pdf.ReportTemplate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accreditation template's package leaves the institution: its workbook, findings.csv and findings.json carry
 * no pseudonym and no age, as its PDF does not. Read back with POI, Commons CSV and Jackson.
 */
class AccreditationOutputsTest {
    @TempDir
    static Path dir;
    static AuditResult result;
    static Set<String> pseudonyms;
    static Disclosure shown;

    @BeforeAll
    static void write() throws IOException {
        AuditFixture f = new AuditFixture();
        // a child on an adult protocol (its finding measures the age), a repeat (by pseudonym) and a DRL group
        f.row("patient_id", "MRN-A", "accession_number", "A1", "age_years", "7.3", "protocol_name", "ADULT CHEST ROUTINE",
                "ctdivol_mgy", "5.0", "dlp_mgycm", "150");
        f.row("patient_id", "MRN-R", "accession_number", "R1", "study_datetime", "2026-10-20T08:00:00");
        f.row("patient_id", "MRN-R", "accession_number", "R2", "study_datetime", "2026-10-20T18:30:00");
        for (int i = 0; i < 12; i++) {
            f.row("patient_id", "MRN-H" + i, "accession_number", "H" + i, "study_datetime",
                    String.format("2026-10-%02dT09:00:00", i + 2), "protocol_name", "PED HEAD 5-10Y",
                    "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", String.valueOf(40 + i), "dlp_mgycm", "500");
        }
        result = f.audit(dir);
        pseudonyms = result.findings().stream().map(Finding::patientRef).filter(p -> p != null).collect(Collectors.toSet());
        assertFalse(pseudonyms.isEmpty(), "the fixture's findings name patients by pseudonym");
        assertTrue(result.findings().stream().anyMatch(x -> "age".equals(x.quantity())), "a finding measures the age");
        assertTrue(result.findings().stream().anyMatch(x -> x.message().contains("aged ")), "a message gives the age");
        shown = ReportTemplate.load("accreditation").disclosure();
        ExcelReport.write(result, shown, dir.resolve("audit.xlsx"));
        FindingsCsv.writeFindings(result, shown, dir.resolve("findings.csv"));
        FindingsJson.write(result, shown, dir.resolve("findings.json"));
    }

    @Test
    void theAccreditationTemplateShowsNoPatientsAndTheDefaultDoes() {
        assertEquals(Disclosure.AGGREGATE, shown);
        assertEquals(Disclosure.PATIENT_LEVEL, ReportTemplate.load("default").disclosure());
    }

    @Test
    void theWorkbookHasNoPseudonymNoAgeAndNoListByPatient() throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("audit.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertFalse(sheets.contains("Repeats"), sheets.toString());
            assertFalse(sheets.contains("Cumulative dose"), sheets.toString());
            assertFalse(sheets.stream().anyMatch(s -> s.startsWith("Events")), sheets.toString());
            Sheet findings = wb.getSheet("Findings");
            List<String> header = new ArrayList<>();
            for (Cell c : findings.getRow(0)) header.add(c.getStringCellValue());
            assertFalse(header.contains("patient_ref"), header.toString());
            assertFalse(header.contains("age_years"), header.toString());
            assertEquals("review_status", header.get(4), "the review columns still follow the key");
            assertEquals(result.findings().size(), findings.getLastRowNum());
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        if (c.getCellType() != CellType.STRING) continue;
                        String v = c.getStringCellValue();
                        for (String p : pseudonyms) assertFalse(v.contains(p), s.getSheetName() + "!" + c.getAddress() + ": " + v);
                        assertFalse(v.matches(".*aged \\d.*"), s.getSheetName() + "!" + c.getAddress() + ": " + v);
                        assertFalse(v.contains("7.3"), s.getSheetName() + "!" + c.getAddress() + ": " + v);
                    }
                }
            }
            int measured = header.indexOf("measured_value");
            int quantity = header.indexOf("quantity");
            for (int i = 1; i <= findings.getLastRowNum(); i++) {
                Row r = findings.getRow(i);
                if (r.getCell(quantity) != null && "age".equals(r.getCell(quantity).getStringCellValue())) {
                    assertNull(r.getCell(measured), "the measured age is left out");
                }
            }
        }
    }

    @Test
    void findingsCsvHasNoPatientColumnsAndNoAgeInMessages() throws IOException {
        String csv = Files.readString(dir.resolve("findings.csv"), StandardCharsets.UTF_8);
        String header = csv.substring(0, csv.indexOf('\n'));
        assertEquals(String.join(",", FindingsCsv.findingColumns(Disclosure.AGGREGATE)), header);
        assertFalse(header.contains("patient_ref") || header.contains("age_years"), header);
        for (String p : pseudonyms) assertFalse(csv.contains(p), p);
        assertFalse(csv.matches("(?s).*aged \\d.*"), csv);
        assertFalse(csv.contains("7.3"), "the child's age appears nowhere");
        assertEquals(result.findings().size() + 1, csv.lines().count());
    }

    @Test
    void findingsJsonHasNoPatientFields() throws IOException {
        JsonNode root = new ObjectMapper().readTree(dir.resolve("findings.json").toFile());
        assertEquals("aggregate", root.get("disclosure").asText());
        assertEquals(result.findings().size(), root.get("findings").size());
        for (JsonNode f : root.get("findings")) {
            assertFalse(f.has("patient_ref"), f.toString());
            assertFalse(f.has("age_years"), f.toString());
            assertFalse(f.get("message").asText().matches(".*aged \\d.*"), f.toString());
            if ("age".equals(f.get("quantity").asText())) assertTrue(f.get("measured_value").isNull(), f.toString());
        }
        String text = Files.readString(dir.resolve("findings.json"));
        for (String p : pseudonyms) assertFalse(text.contains(p), p);
    }

    @Test
    void theDefaultTemplateStillShowsPseudonymsAndAges() throws IOException {
        FindingsCsv.writeFindings(result, Disclosure.PATIENT_LEVEL, dir.resolve("default.csv"));
        String csv = Files.readString(dir.resolve("default.csv"));
        assertTrue(csv.startsWith(String.join(",", FindingsCsv.FINDING_COLUMNS)));
        assertTrue(pseudonyms.stream().anyMatch(csv::contains));
        assertTrue(csv.contains("7.3"));
    }
}

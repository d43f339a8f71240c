package org.alaraaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.report.excel.ExcelReport;
import org.alaraaudit.report.files.FindingsCsv;
import org.alaraaudit.report.files.FindingsJson;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each finding says, in findings.csv, findings.json and the workbook alike, how far the value it cites was verified:
 * a finding leaves the PDF's reference table behind once it is filtered or sent on as a row.
 */
class ReferenceStatusColumnTest {
    @TempDir
    static Path dir;
    static AuditResult result;

    @BeforeAll
    static void audit() throws IOException {
        AuditFixture f = new AuditFixture();
        // a child's head CT above the AAPM notification value (transcribed), an adult protocol on a child, a repeat
        // the same day (local policy) and a CT without any dose (a rule's own requirement)
        f.row("patient_id", "MRN-H", "accession_number", "H1", "protocol_name", "PED HEAD 6-18Y", "target_region", "HEAD",
                "phantom", "16", "ctdivol_mgy", "90", "dlp_mgycm", "1500");
        f.row("patient_id", "MRN-A", "accession_number", "A1", "protocol_name", "ADULT CHEST ROUTINE", "ctdivol_mgy", "12.0",
                "dlp_mgycm", "400");
        f.row("patient_id", "MRN-R", "accession_number", "R1", "study_datetime", "2026-10-20T08:00:00");
        f.row("patient_id", "MRN-R", "accession_number", "R2", "study_datetime", "2026-10-20T18:30:00");
        f.row("patient_id", "MRN-D", "accession_number", "D1", "ctdivol_mgy", "", "dlp_mgycm", "");
        // a child's head CT below its catalog range: the row's status is its upper end's (a transcribed DRL), the lower
        // end the rule compares with is the tool's local policy
        f.row("patient_id", "MRN-L", "accession_number", "L1", "protocol_name", "PED HEAD 6-18Y", "target_region", "HEAD",
                "phantom", "16", "ctdivol_mgy", "5", "dlp_mgycm", "80");
        // a four-year-old scanned with the 6-18 y head protocol: the catalog row's status is its DRL's, the age range
        // a protocol is meant for is the site's own assignment
        f.row("patient_id", "MRN-S", "accession_number", "S1", "protocol_name", "PED HEAD 6-18Y", "target_region", "HEAD",
                "age_years", "4", "phantom", "16", "ctdivol_mgy", "20", "dlp_mgycm", "300");
        result = f.audit(dir);
        FindingsCsv.writeFindings(result, Disclosure.PATIENT_LEVEL, dir.resolve("findings.csv"));
        FindingsJson.write(result, Disclosure.PATIENT_LEVEL, dir.resolve("findings.json"));
        ExcelReport.write(result, dir.resolve("audit.xlsx"));
    }

    @Test
    void theStatusIsThatOfTheTableRowsTheFindingCitesAndEmptyForARulesOwnRequirement() {
        Map<String, String> byRule = new HashMap<>();
        for (Finding f : result.findings()) byRule.putIfAbsent(f.ruleId(), String.valueOf(CitedStatus.of(result).of(f)));
        assertEquals("secondary", byRule.get("CT_NOTIFICATION_VALUE"), byRule.toString());
        assertEquals("local-policy", byRule.get("REPEAT_STUDY"), byRule.toString());
        Finding below = result.findings().stream().filter(f -> f.ruleId().equals("DOSE_BELOW_EXPECTED_RANGE")).findFirst().orElseThrow();
        assertEquals("secondary", result.tables().references().statusBySource().get(below.referenceSource()), "the catalog row's own status");
        assertEquals("local-policy", byRule.get("DOSE_BELOW_EXPECTED_RANGE"), "the lower end, no stronger than the rule's @referenceStatus");
        assertEquals("null", byRule.get("DOSE_DATA_MISSING"), "documenting the dose is the rule's own requirement: " + byRule);
        Finding size = result.findings().stream().filter(f -> f.ruleId().equals("PEDIATRIC_PROTOCOL_SIZE_MISMATCH")).findFirst().orElseThrow();
        // The age range a protocol is for is the site's assignment: cited as the catalog line, not as the row's dose range.
        assertTrue(size.referenceSource().startsWith("local policy: protocol catalog line ")
                && size.referenceSource().contains("gives the ages PED HEAD 6-18Y is for"), size.referenceSource());
        assertEquals("local-policy", byRule.get("PEDIATRIC_PROTOCOL_SIZE_MISMATCH"), "the protocol's age range, the site's: " + byRule);
        // A citation alone, as the PDF's numbered sources and the workbook's DRL sheet print it beside its values.
        CitedStatus cited = CitedStatus.of(result);
        assertEquals("secondary", cited.ofSource(below.referenceSource()), "the row's own status, without a rule's cap");
        assertEquals("local-policy", cited.ofSource("thresholds.drl.xlsx row 24 sets repeat_window_hours 24 (was 48 in settings.csv): committee"),
                "a value the site set in the thresholds workbook");
        assertEquals(null, cited.ofSource(null));
        // A setting the site changed in the thresholds workbook is worded as its own everywhere a setting's status is shown.
        assertEquals("local policy", new org.alaraaudit.rules.Policy.Setting("repeat_window_hours", "24", "hours",
                "thresholds.drl.xlsx row 24 sets repeat_window_hours 24 (was 48 in settings.csv): committee", "secondary").statusWording());
    }

    @Test
    void findingsCsvFindingsJsonAndTheWorkbookGiveEveryFindingTheSameStatus() throws IOException {
        CitedStatus cited = CitedStatus.of(result);
        List<Finding> findings = result.findings().stream().toList();
        List<CSVRecord> csv;
        try (Reader r = Files.newBufferedReader(dir.resolve("findings.csv"), StandardCharsets.UTF_8)) {
            csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        List<String> header = new ArrayList<>(csv.get(0).getParser().getHeaderNames());
        assertEquals(header.indexOf("reference_source") + 1, header.indexOf("reference_status"), "next to the source it qualifies");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("findings.json").toFile()).get("findings");
        List<String> xlsx = new ArrayList<>();
        try (InputStream in = Files.newInputStream(dir.resolve("audit.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("Findings");
            int col = -1;
            for (Cell c : s.getRow(0)) if (c.getStringCellValue().equals("reference_status")) col = c.getColumnIndex();
            assertTrue(col >= 0, "the workbook has the column");
            for (int i = 1; i <= s.getLastRowNum(); i++) {
                Row row = s.getRow(i);
                Cell c = row.getCell(col);
                xlsx.add(c == null ? "" : c.getStringCellValue());
            }
        }
        assertEquals(findings.size(), csv.size());
        assertEquals(findings.size(), json.size());
        assertEquals(findings.size(), xlsx.size());
        int withStatus = 0;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            String expected = cited.of(f) == null ? "" : cited.of(f);
            if (!expected.isEmpty()) withStatus++;
            assertEquals(expected, csv.get(i).get("reference_status"), f.ruleId());
            assertEquals(expected, json.get(i).get("reference_status").isNull() ? "" : json.get(i).get("reference_status").asText(), f.ruleId());
            assertEquals(expected, xlsx.get(i), f.ruleId());
        }
        assertTrue(withStatus > 0 && withStatus < findings.size(), "some findings cite a table, some do not");
    }

    @Test
    void aConfirmedCatalogRowIsShownConfirmedButItsLowerEndStaysLocalPolicy(@TempDir Path tmp) {
        Path rules = org.alaraaudit.rules.ThresholdWorkbookFile.rulesCopy(tmp.resolve("rules"));
        org.alaraaudit.rules.ReferenceConfirmation.confirm(rules.resolve("tables/protocol-catalog.csv"), "Dr X, physicist",
                java.time.LocalDate.of(2026, 11, 30));
        AuditResult r = new AuditFixture().rules(org.alaraaudit.rules.RuleSet.load(rules))
                .row("accession_number", "H1", "protocol_name", "PED HEAD 6-18Y", "target_region", "HEAD", "phantom", "16",
                        "ctdivol_mgy", "60", "dlp_mgycm", "1000")
                .row("accession_number", "L1", "patient_id", "MRN-L", "protocol_name", "PED HEAD 6-18Y", "target_region", "HEAD",
                        "phantom", "16", "ctdivol_mgy", "5", "dlp_mgycm", "80")
                .audit(tmp);
        Map<String, String> byRule = new HashMap<>();
        for (Finding f : r.findings()) byRule.putIfAbsent(f.ruleId(), String.valueOf(CitedStatus.of(r).of(f)));
        assertEquals("confirmed by Dr X, physicist on 2026-11-30", byRule.get("DOSE_ABOVE_EXPECTED_RANGE"), byRule.toString());
        assertEquals("local-policy (row confirmed by Dr X, physicist on 2026-11-30)", byRule.get("DOSE_BELOW_EXPECTED_RANGE"),
                "no publication gives a lower end, whoever confirmed the row: " + byRule);
    }
}

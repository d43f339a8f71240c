package org.alaraaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.excel.ExcelReport;
import org.alaraaudit.report.files.FindingsJson;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The by-facility headline a registry compares its sites on is in findings.json and the workbook as in the PDF: two
 * facilities, one with an adult protocol on a child (MAJOR) and a dose above the alert value (CRITICAL), one clean.
 */
class FacilityHeadlineTest {
    @TempDir
    static Path dir;
    static AuditResult result;

    @BeforeAll
    static void audit() {
        AuditFixture f = new AuditFixture();
        f.row("facility", "North", "patient_id", "N1", "accession_number", "N1", "age_years", "7", "protocol_name", "CHEST ROUTINE");
        AuditFixture alert = f.defaults("facility", "North", "patient_id", "N2", "accession_number", "N2", "age_years", "50",
                "protocol_name", "BRAIN PERFUSION", "target_region", "HEAD", "phantom", "16", "acquisition_type", "STATIONARY");
        for (int i = 0; i < 5; i++) alert.row("event_uid", "p" + i, "ctdivol_mgy", "250");
        f.defaults("facility", "South", "patient_id", "S1", "accession_number", "S1", "age_years", "7", "protocol_name", "PED CHEST 5-10Y",
                "target_region", "CHEST", "phantom", "32", "acquisition_type", "SPIRAL", "event_uid", "", "ctdivol_mgy", "2", "dlp_mgycm", "40");
        f.row();
        result = f.audit(dir);
    }

    private static long count(String facility, Severity s) {
        return result.findings().stream().filter(x -> facility.equals(x.facility()) && x.severity() == s).count();
    }

    @Test
    void eachFacilitysCriticalAndMajorFindingsAreCountedFromItsOwnFindings() {
        List<FacilityHeadline> h = FacilityHeadline.of(result);
        assertEquals(List.of("North", "South"), h.stream().map(FacilityHeadline::facility).sorted().toList());
        FacilityHeadline north = h.stream().filter(x -> x.facility().equals("North")).findFirst().orElseThrow();
        assertTrue(north.critical() >= 1 && north.major() >= 1, north.toString());
        assertEquals(count("North", Severity.CRITICAL), north.critical());
        assertEquals(count("North", Severity.MAJOR), north.major());
        FacilityHeadline south = h.stream().filter(x -> x.facility().equals("South")).findFirst().orElseThrow();
        assertEquals(0, south.critical());
        assertEquals(count("South", Severity.MAJOR), south.major());
    }

    @Test
    void findingsJsonAndTheWorkbookGiveEachFacilitysHeadline() throws IOException {
        Path json = dir.resolve("findings.json");
        FindingsJson.write(result, Disclosure.PATIENT_LEVEL, json);
        JsonNode sites = new ObjectMapper().readTree(json.toFile()).get("figures").get("facilities");
        assertEquals(2, sites.size(), sites.toString());
        for (JsonNode s : sites) {
            String name = s.get("facility").asText();
            assertEquals(count(name, Severity.CRITICAL), s.get("critical").asLong(), name);
            assertEquals(count(name, Severity.MAJOR), s.get("major").asLong(), name);
            assertTrue(s.has("pediatric_protocol_compliance") && s.has("repeat_rate") && s.has("drl_groups_judged"), s.toString());
        }

        Path xlsx = dir.resolve("audit.xlsx");
        ExcelReport.write(result, xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet summary = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            List<String> header = null;
            int north = -1;
            for (Row row : summary) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(fmt.formatCellValue(c)));
                if (cells.size() >= 6 && cells.get(0).equals("facility") && cells.contains("CRITICAL")) header = cells;
                else if (header != null && !cells.isEmpty() && cells.get(0).equals("North")) {
                    assertEquals(String.valueOf(count("North", Severity.CRITICAL)), cells.get(header.indexOf("CRITICAL")));
                    assertEquals(String.valueOf(count("North", Severity.MAJOR)), cells.get(header.indexOf("MAJOR")));
                    north = row.getRowNum();
                }
            }
            assertTrue(north > 0, "the Summary sheet's by-facility table has North's row");
        }
    }
}

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
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.report.excel.ExcelReport;
import org.alaraaudit.report.files.FindingsJson;
import org.alaraaudit.report.pdf.PdfReport;
import org.alaraaudit.report.pdf.ReportTemplate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DRL table's median with its 95 % confidence interval, in each report: twelve head CTs of 30 to 41 mGy, whose
 * median's interval lies between the 3rd and the 10th value (32 and 39 mGy).
 */
class DrlIntervalReportTest {
    @TempDir
    static Path dir;
    static AuditResult result;
    static DrlGroup heads;

    @BeforeAll
    static void audit() {
        result = ReportFixtures.audit(dir);
        heads = result.drlGroups().stream().filter(g -> g.quantity().equals("CTDIvol") && g.n() == 12).findFirst().orElseThrow();
    }

    @Test
    void theGroupsIntervalIsTheThirdAndTenthOfItsTwelveValues() {
        assertEquals(32.0, heads.medianInterval().low());
        assertEquals(39.0, heads.medianInterval().high());
    }

    @Test
    void thePdfsDrlTableGivesTheIntervalBesideTheMedian() throws IOException {
        Path pdf = dir.resolve("audit.pdf");
        PdfReport.write(result, ReportTemplate.load("default"), null, pdf);
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            String t = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertTrue(t.contains("Median 95 % CI P75 DRL Ratio"), "the column's header");
            assertTrue(t.contains(" 35.5 32\u201339 "), "median, then its interval: " + t);
        }
    }

    @Test
    void theWorkbooksDrlSheetHasTheIntervalsEndsAndWhetherItLiesAboveTheDrl() throws IOException {
        Path xlsx = dir.resolve("audit.xlsx");
        ExcelReport.write(result, xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("DRL");
            List<String> header = new ArrayList<>();
            s.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            int low = header.indexOf("median 95 % CI, low");
            DataFormatter f = new DataFormatter();
            for (int i = 1; i <= result.drlGroups().size(); i++) {
                Row row = s.getRow(i);
                if (!row.getCell(3).getStringCellValue().equals("CTDIvol") || row.getCell(low - 1) == null) continue;
                if (f.formatCellValue(row.getCell(6)).equals("12")) {
                    assertEquals(32.0, row.getCell(low).getNumericCellValue());
                    assertEquals(39.0, row.getCell(low + 1).getNumericCellValue());
                    // The head DRL of the band is above 39 mGy: the interval is not wholly above it.
                    assertEquals("CI wholly above the DRL", header.get(low + 2));
                    assertEquals(heads.drl() < 32 ? "yes" : "no", row.getCell(low + 2).getStringCellValue());
                    return;
                }
            }
            throw new AssertionError("no row of the twelve head CTs");
        }
    }

    @Test
    void findingsJsonGivesTheIntervalOfEachGroup() throws IOException {
        Path json = dir.resolve("findings.json");
        FindingsJson.write(result, Disclosure.PATIENT_LEVEL, json);
        JsonNode groups = new ObjectMapper().readTree(json.toFile()).get("drl_groups");
        boolean seen = false;
        for (JsonNode g : groups) {
            if (g.get("quantity").asText().equals("CTDIvol") && g.get("n").asInt() == 12) {
                assertEquals(32.0, g.get("median_ci_low").asDouble());
                assertEquals(39.0, g.get("median_ci_high").asDouble());
                seen = true;
            }
        }
        assertTrue(seen, groups.toString());
    }
}

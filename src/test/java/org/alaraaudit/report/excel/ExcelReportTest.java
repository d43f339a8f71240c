package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.model.Finding;
import org.alaraaudit.report.files.FindingsCsv;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook of a small real audit, read back with POI. */
class ExcelReportTest {
    static final String INJECTION = "=HYPERLINK(\"http://x\")";

    @TempDir
    static Path dir;
    static AuditResult result;
    static Path file;

    /** A scan log that fires the rules the sheets show: adult protocol on a child, a repeat, an unmapped protocol. */
    static AuditResult audit(Path dir) {
        AuditFixture f = new AuditFixture();
        // twelve children's head CTs without contrast: a DRL group large enough to be judged
        for (int i = 0; i < 12; i++) {
            f.row("patient_id", "MRN-H" + i, "accession_number", "H" + i, "study_datetime",
                    String.format("2026-10-%02dT09:00:00", i + 2), "protocol_name", "PED HEAD 5-10Y",
                    "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", String.valueOf(30 + i), "dlp_mgycm", "500",
                    "contrast", "no");
        }
        f.row("patient_id", "MRN-A", "accession_number", "A1", "protocol_name", "ADULT CHEST ROUTINE",
                "ctdivol_mgy", "12.0", "dlp_mgycm", "400");
        f.row("patient_id", "MRN-R", "accession_number", "R1", "study_datetime", "2026-10-20T08:00:00");
        f.row("patient_id", "MRN-R", "accession_number", "R2", "study_datetime", "2026-10-20T18:30:00");
        f.row("patient_id", "MRN-X", "accession_number", "X1", "protocol_name", INJECTION);
        f.row("patient_id", "MRN-B", "accession_number", "B1", "ctdivol_mgy", "12,5O");
        return f.audit(dir);
    }

    @BeforeAll
    static void write() throws IOException {
        result = audit(dir);
        file = dir.resolve("audit-2026-10.xlsx");
        ExcelReport.write(result, file);
    }

    static XSSFWorkbook open(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void hasTheSheetsInOrder() throws IOException {
        try (XSSFWorkbook wb = open(file)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals(List.of("Summary", "Findings", "DRL", "Repeats", "Cumulative dose", "Protocols", "Events",
                    "Rejected rows", "Data warnings", "Rules"), names);
            assertEquals(0, wb.getActiveSheetIndex());
        }
    }

    @Test
    void reviewColumnsFollowTheFindingsKeyAndTheKeyIsFrozen() throws IOException {
        try (XSSFWorkbook wb = open(file)) {
            Sheet s = wb.getSheet("Findings");
            List<String> h = header(s);
            assertEquals(List.of("finding_id", "severity", "rule_id", "accession_number",
                    "review_status", "justification", "reviewer", "reviewed_on"), h.subList(0, 8));
            List<String> csvColumns = new ArrayList<>(h);
            csvColumns.removeAll(FindingsSheet.REVIEW_COLUMNS);
            assertEquals(new java.util.TreeSet<>(FindingsCsv.FINDING_COLUMNS), new java.util.TreeSet<>(csvColumns),
                    "every findings.csv column, under the same name");
            assertEquals(FindingsCsv.FINDING_COLUMNS.size() + 4, h.size());
            assertEquals(4, FindingsSheet.REVIEW_STATUS_COLUMN, "review_status is column E");
            assertEquals(result.findings().size(), s.getLastRowNum(), "one row per finding below the header");
            assertTrue(result.findings().size() > 5, "the fixture fires several rules");
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                for (int c = 4; c <= 7; c++) {
                    Cell cell = s.getRow(r).getCell(c);
                    assertTrue(cell == null || cell.getCellType() == CellType.BLANK, "review cells are left empty");
                }
            }
            assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition(), "header row frozen");
            assertEquals(4, s.getPaneInformation().getVerticalSplitPosition(), "the key columns frozen");
            assertNotNull(wb.getSheet("Findings").getCTWorksheet().getAutoFilter(), "autofilter");
        }
    }

    @Test
    void findingsMatchTheResultCellByCell() throws IOException {
        try (XSSFWorkbook wb = open(file)) {
            Sheet s = wb.getSheet("Findings");
            List<String> h = header(s);
            List<Finding> found = result.findings().stream().toList();
            for (int i = 0; i < found.size(); i++) {
                Finding f = found.get(i);
                Row row = s.getRow(i + 1);
                assertEquals(f.findingId(), row.getCell(h.indexOf("finding_id")).getStringCellValue());
                assertEquals(f.ruleId(), row.getCell(h.indexOf("rule_id")).getStringCellValue());
                assertEquals(f.severity().name(), row.getCell(h.indexOf("severity")).getStringCellValue());
                Cell measured = row.getCell(h.indexOf("measured_value"));
                if (f.measuredValue() != null) {
                    assertEquals(CellType.NUMERIC, measured.getCellType(), "numbers are numbers");
                    assertEquals(f.measuredValue(), measured.getNumericCellValue(), 1e-4);
                }
                Cell when = row.getCell(h.indexOf("study_datetime"));
                if (f.studyDatetime() != null) {
                    assertEquals(CellType.NUMERIC, when.getCellType());
                    assertTrue(DateUtil.isCellDateFormatted(when), "dates are date cells");
                    assertEquals(f.studyDatetime(), when.getLocalDateTimeCellValue());
                }
                if (f.ageYears() != null) {
                    assertEquals(CellType.NUMERIC, row.getCell(h.indexOf("age_years")).getCellType());
                }
            }
        }
    }

    @Test
    void formulaLikeInputStaysText() throws IOException {
        assertTrue(result.findings().stream().anyMatch(f -> INJECTION.equals(f.protocolName())),
                "the fixture puts the formula-like protocol name into a finding");
        try (XSSFWorkbook wb = open(file)) {
            Sheet s = wb.getSheet("Findings");
            int col = header(s).indexOf("protocol_name");
            int seen = 0;
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                Cell c = s.getRow(r).getCell(col);
                if (c != null && c.getCellType() == CellType.STRING && INJECTION.equals(c.getStringCellValue())) {
                    assertTrue(c.getCellStyle().getQuotePrefixed(), "quote prefix keeps it text when edited");
                    seen++;
                }
            }
            assertTrue(seen > 0);
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) assertFalse(c.getCellType() == CellType.FORMULA, "no formulas anywhere");
                }
            }
        }
    }

    @Test
    void noRawPatientIdAnywhere() throws IOException {
        try (XSSFWorkbook wb = open(file)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.STRING) assertFalse(c.getStringCellValue().contains("MRN-"),
                                sheet.getSheetName() + " " + c.getAddress() + " holds a patient id");
                    }
                }
            }
        }
    }

    @Test
    void noJavaPackageNameAnywhereAndTheRulesSheetSpeaksToAPerson() throws IOException {
        try (XSSFWorkbook wb = open(file)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.STRING) assertFalse(c.getStringCellValue().contains("org.alaraaudit"),
                                sheet.getSheetName() + " " + c.getAddress() + ": " + c.getStringCellValue());
                    }
                }
            }
            Sheet rules = wb.getSheet("Rules");
            List<String> header = new ArrayList<>();
            for (Cell c : rules.getRow(1)) header.add(c.getStringCellValue());
            assertEquals(List.of("rule", "name", "severity", "judges one", "what it checks", "source"), header);
        }
    }

    @Test
    void reviewStatusOffersTheFourStatuses() throws IOException {
        try (XSSFWorkbook wb = open(file)) {
            List<? extends DataValidation> v = wb.getSheet("Findings").getDataValidations();
            DataValidation status = v.stream()
                    .filter(d -> d.getRegions().getCellRangeAddress(0).getFirstColumn() == FindingsSheet.REVIEW_STATUS_COLUMN).findFirst().orElseThrow();
            assertEquals(List.of("OPEN", "JUSTIFIED", "ACTION_TAKEN", "FALSE_POSITIVE"),
                    List.of(status.getValidationConstraint().getExplicitListValues()));
        }
    }

    @Test
    void summaryReconcilesAndCountsFindingsByRule() throws IOException {
        try (XSSFWorkbook wb = open(file)) {
            Sheet s = wb.getSheet("Summary");
            assertEquals(result.rows().read(), (long) valueRight(s, "rows read"));
            assertEquals(result.rows().audited(), (long) valueRight(s, "audited"));
            assertEquals(result.rows().rejected(), (long) valueRight(s, "rejected (see Rejected rows)"));
            Map<String, Long> byRule = result.findings().stream()
                    .collect(Collectors.groupingBy(Finding::ruleId, Collectors.counting()));
            for (Map.Entry<String, Long> e : byRule.entrySet()) {
                Row r = rowLabelled(s, e.getKey());
                assertEquals(e.getValue(), (long) r.getCell(5).getNumericCellValue(), e.getKey() + " total");
            }
            assertEquals(result.findings().size(), (long) rowLabelled(s, "total").getCell(5).getNumericCellValue());
            XSSFChart chart = ((XSSFSheet) s).getDrawingPatriarch().getCharts().get(0);
            assertEquals(1, chart.getChartSeries().size());
            assertEquals("Findings by rule", chart.getTitleText().getString());
            assertTrue(chart.getCTChart().getPlotArea().getBarChartList().size() == 1, "a bar chart");
        }
    }

    @Test
    void drlSheetColoursTheRatioAndChartsIt() throws IOException {
        assertFalse(result.drlGroups().isEmpty(), "the twelve head CTs make a DRL group");
        try (XSSFWorkbook wb = open(file)) {
            XSSFSheet s = wb.getSheet("DRL");
            assertEquals(DrlSheet.COLUMNS.stream().map(Column::header).toList(), header(s));
            assertTrue(s.getSheetConditionalFormatting().getNumConditionalFormattings() > 0);
            assertEquals(CellType.NUMERIC, s.getRow(1).getCell(6).getCellType(), "n is a number");
            assertEquals("CT HEAD without contrast", s.getRow(1).getCell(header(s).indexOf("exam type")).getStringCellValue(),
                    "the head DRL is for exams without contrast, and the sheet says so");
            DrlGroup first = result.drlGroups().get(0);
            assertEquals(DrlGroup.statusWords(first.status()), s.getRow(1).getCell(header(s).indexOf("status")).getStringCellValue(),
                    "the status in the PDF's words");
            assertTrue(List.of("ABOVE DRL", "at or below").contains(s.getRow(1).getCell(header(s).indexOf("status")).getStringCellValue()));
            String colour = s.getSheetConditionalFormatting().getConditionalFormattingAt(0).getRule(0).getFormula1();
            assertTrue(colour.endsWith("=\"ABOVE DRL\""), "the colours follow the words: " + colour);
            int source = header(s).indexOf("source");
            assertEquals("source status", header(s).get(source + 1), "the status beside the citation");
            String cited = s.getRow(1).getCell(source).getStringCellValue();
            assertEquals(result.tables().references().statusBySource().get(cited), s.getRow(1).getCell(source + 1).getStringCellValue());
            assertEquals("secondary", s.getRow(1).getCell(source + 1).getStringCellValue(), cited);
            boolean judged = result.drlGroups().stream().anyMatch(DrlSheet::judged);
            int charts = s.getDrawingPatriarch() == null ? 0 : s.getDrawingPatriarch().getCharts().size();
            assertEquals(judged ? 1 : 0, charts);
        }
    }

    @Test
    void repeatsShowThePairAndTheInterval() throws IOException {
        List<Finding> repeats = AuditFixture.findings(result, "REPEAT_STUDY");
        assertEquals(1, repeats.size());
        try (XSSFWorkbook wb = open(file)) {
            Sheet s = wb.getSheet("Repeats");
            List<String> h = header(s);
            assertEquals(1, s.getLastRowNum());
            Row r = s.getRow(1);
            assertEquals("R2", r.getCell(h.indexOf("later study")).getStringCellValue());
            assertEquals("R1", r.getCell(h.indexOf("earlier study")).getStringCellValue());
            assertEquals(10.5, r.getCell(h.indexOf("interval (hours)")).getNumericCellValue(), 1e-9);
            assertEquals(java.time.LocalDateTime.parse("2026-10-20T08:00:00"),
                    r.getCell(h.indexOf("earlier study start")).getLocalDateTimeCellValue());
        }
    }

    @Test
    void rejectedRowsKeepFileLineColumnValueReason() throws IOException {
        assertEquals(1, result.rejected().size());
        try (XSSFWorkbook wb = open(file)) {
            Sheet s = wb.getSheet("Rejected rows");
            assertEquals(List.of("file", "line", "column", "value", "reason"), header(s));
            Row r = s.getRow(1);
            assertEquals(result.rejected().get(0).line(), (long) r.getCell(1).getNumericCellValue());
            assertEquals("12,5O", r.getCell(3).getStringCellValue());
        }
    }

    @Test
    void protocolsAndRulesAreFilled() throws IOException {
        try (XSSFWorkbook wb = open(file)) {
            Sheet p = wb.getSheet("Protocols");
            assertEquals(result.protocols().size(), p.getLastRowNum());
            long findings = 0;
            for (int r = 1; r <= p.getLastRowNum(); r++) findings += (long) p.getRow(r).getCell(11).getNumericCellValue();
            assertTrue(findings > 0);
            Sheet rules = wb.getSheet("Rules");
            List<String> ids = new ArrayList<>();
            for (Row r : rules) if (r.getCell(0) != null) ids.add(r.getCell(0).getStringCellValue());
            assertTrue(ids.contains("PEDIATRIC_ADULT_PROTOCOL"));
            assertTrue(ids.contains("repeat_window_hours"), "thresholds from settings.csv");
            // Every table value says how far it was verified, as the PDF does; a header row has no blank cell among its titles.
            Row drlHeader = null;
            Row settingsHeader = null;
            for (Row r : rules) {
                if (r.getCell(0) == null || r.getCell(0).getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) continue;
                if (r.getCell(0).getStringCellValue().equals("exam type")) drlHeader = r;
                if (r.getCell(0).getStringCellValue().equals("setting")) settingsHeader = r;
            }
            assertNotNull(drlHeader);
            assertEquals("status", drlHeader.getCell(7).getStringCellValue());
            assertEquals("status", settingsHeader.getCell(3).getStringCellValue(), "no blank column title");
            Row first = rules.getRow(drlHeader.getRowNum() + 1);
            assertEquals("CT HEAD without contrast", first.getCell(0).getStringCellValue(), "named as the DRL sheet names it");
            assertEquals("from a secondary source", first.getCell(7).getStringCellValue(), first.getCell(5).getStringCellValue());
            Row setting = rules.getRow(settingsHeader.getRowNum() + 1);
            assertFalse(setting.getCell(3).getStringCellValue().isBlank(), "a setting's status: " + setting.getCell(0));
            for (Row r : rules) {
                if (r.getCell(0) != null && r.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    assertFalse(r.getCell(0).getStringCellValue().contains("_PELVIS"), "exam types in words: " + r.getCell(0));
                }
            }
        }
    }

    @Test
    void aFullListContinuesOnANewSheetAndSummarySaysSo() throws IOException {
        Path small = dir.resolve("split.xlsx");
        ExcelReport.write(result, small, 3);
        try (XSSFWorkbook wb = open(small)) {
            int sheets = (result.findings().size() + 2) / 3;
            long rows = 0;
            for (int i = 1; i <= sheets; i++) {
                Sheet s = wb.getSheet(i == 1 ? "Findings" : "Findings (" + i + ")");
                assertNotNull(s, "sheet " + i);
                assertEquals("finding_id", s.getRow(0).getCell(0).getStringCellValue());
                rows += s.getLastRowNum();
            }
            assertEquals(result.findings().size(), rows);
            assertEquals("DRL", wb.getSheetName(sheets + 1), "DRL follows the last findings sheet");
            String summary = text(wb.getSheet("Summary"));
            assertTrue(summary.contains("Findings passed Excel's limit"), summary);
            assertTrue(summary.contains("Findings (2)"));
        }
    }

    static List<String> header(Sheet s) {
        List<String> h = new ArrayList<>();
        for (Cell c : s.getRow(0)) h.add(c.getStringCellValue());
        return h;
    }

    static Row rowLabelled(Sheet s, String label) {
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && label.equals(c.getStringCellValue())) return r;
        }
        throw new AssertionError("no row " + label);
    }

    static double valueRight(Sheet s, String label) { return rowLabelled(s, label).getCell(1).getNumericCellValue(); }

    static String text(Sheet s) {
        StringBuilder sb = new StringBuilder();
        for (Row r : s) for (Cell c : r) if (c.getCellType() == CellType.STRING) sb.append(c.getStringCellValue()).append('\n');
        return sb.toString();
    }
}

package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.report.ReportFixtures;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Summary's previous-period column and the DRL sheet's previous median and ratio, read back with POI. */
class WorkbookPreviousPeriodTest {
    @TempDir
    static Path dir;
    static AuditResult plain;

    @BeforeAll
    static void audit() {
        plain = ReportFixtures.audit(dir);
    }

    static XSSFWorkbook write(AuditResult r, String name) throws IOException {
        Path file = dir.resolve(name + ".xlsx");
        ExcelReport.write(r, file);
        ReportFixtures.keep(file);
        return ExcelReportTest.open(file);
    }

    @Test
    void summaryHasThePreviousPeriodAndTheChangeAsNumbers() throws IOException {
        AuditResult r = ReportFixtures.withPrevious(plain);
        ComplianceFigures f = r.figures();
        try (XSSFWorkbook wb = write(r, "previous")) {
            Sheet s = wb.getSheet(SummarySheet.NAME);
            Row header = ExcelReportTest.rowLabelled(s, "figure");
            assertEquals("previous period", header.getCell(2).getStringCellValue());
            assertEquals("change", header.getCell(3).getStringCellValue());

            Row studies = ExcelReportTest.rowLabelled(s, "studies");
            assertEquals(f.studies(), studies.getCell(1).getNumericCellValue(), 0);
            assertEquals(CellType.NUMERIC, studies.getCell(2).getCellType());
            assertEquals(ReportFixtures.PREV_STUDIES, studies.getCell(2).getNumericCellValue(), 0);
            assertEquals(f.studies() - ReportFixtures.PREV_STUDIES, studies.getCell(3).getNumericCellValue(), 0);

            Row compliance = ExcelReportTest.rowLabelled(s, "pediatric protocol compliance");
            assertEquals(ReportFixtures.PREV_COMPLIANCE, compliance.getCell(2).getNumericCellValue(), 1e-9);
            double pts = (f.pediatricProtocolCompliance() - ReportFixtures.PREV_COMPLIANCE) * 100;
            assertEquals(pts, compliance.getCell(3).getNumericCellValue(), 1e-3);
            String shown = new DataFormatter(java.util.Locale.ROOT).formatCellValue(compliance.getCell(3));
            assertTrue(shown.endsWith(" pts") && (shown.startsWith("+") || shown.startsWith("-")), shown);

            Row repeat = ExcelReportTest.rowLabelled(s, "repeat rate");
            assertEquals(ReportFixtures.PREV_REPEAT_RATE, repeat.getCell(2).getNumericCellValue(), 1e-9);

            long major = f.findingsBySeverity().getOrDefault("MAJOR", 0L);
            Row majorRow = ExcelReportTest.rowLabelled(s, "findings, MAJOR");
            assertEquals(ReportFixtures.PREV_MAJOR, majorRow.getCell(2).getNumericCellValue(), 0);
            assertEquals(major - ReportFixtures.PREV_MAJOR, majorRow.getCell(3).getNumericCellValue(), 0);
            Row per100 = ExcelReportTest.rowLabelled(s, "findings per 100 studies, MAJOR");
            assertEquals(major * 100.0 / f.studies(), per100.getCell(1).getNumericCellValue(), 1e-3);
            assertEquals(ReportFixtures.PREV_MAJOR * 100.0 / ReportFixtures.PREV_STUDIES, per100.getCell(2).getNumericCellValue(), 1e-3);
            assertFalse(ExcelReportTest.text(s).contains("No previous period"));
        }
    }

    @Test
    void drlSheetMatchesThePreviousGroupByFacilityExamBandAndQuantity() throws IOException {
        AuditResult r = ReportFixtures.withPrevious(plain);
        DrlGroup first = r.drlGroups().get(0);
        try (XSSFWorkbook wb = write(r, "previous-drl")) {
            Sheet s = wb.getSheet(DrlSheet.NAME);
            var h = ExcelReportTest.header(s);
            int median = h.indexOf("previous median");
            int ratio = h.indexOf("previous ratio");
            assertEquals(DrlSheet.RATIO_COLUMN + 1, median);
            assertEquals("status", h.get(DrlSheet.STATUS_COLUMN));
            int matched = 0;
            for (int i = 1; i <= r.drlGroups().size(); i++) {
                Row row = s.getRow(i);
                boolean same = row.getCell(0).getStringCellValue().equals(first.facility())
                        && row.getCell(1).getStringCellValue().equals(first.examType())
                        && row.getCell(2).getStringCellValue().equals(first.band())
                        && row.getCell(3).getStringCellValue().equals(first.quantity());
                if (same) {
                    matched++;
                    assertEquals(ReportFixtures.PREV_DRL_MEDIAN, row.getCell(median).getNumericCellValue(), 1e-9);
                    assertEquals(ReportFixtures.PREV_DRL_RATIO, row.getCell(ratio).getNumericCellValue(), 1e-9);
                } else {
                    assertNull(row.getCell(median), "group without a previous counterpart");
                }
            }
            assertEquals(1, matched);
        }
    }

    @Test
    void withoutAPreviousPeriodTheSummarySaysSo() throws IOException {
        try (XSSFWorkbook wb = write(plain, "plain")) {
            String text = ExcelReportTest.text(wb.getSheet(SummarySheet.NAME));
            assertTrue(text.contains("No history store was used for this run (--no-history, or a Spark run), so change from the previous period is not shown."), text);
            assertFalse(text.contains(AuditResult.NO_PATIENT_ID));
        }
    }

    @Test
    void summarySaysOnceWhichFilesHadNoPatientIdentifier() throws IOException {
        try (XSSFWorkbook wb = write(ReportFixtures.withoutPatientIdentifiers(plain), "no-ids")) {
            String text = ExcelReportTest.text(wb.getSheet(SummarySheet.NAME));
            String sentence = "REPEAT_STUDY and CUMULATIVE_DOSE are " + AuditResult.NO_PATIENT_ID + " (scan-log.csv)";
            assertTrue(text.contains(sentence), text);
            assertEquals(text.indexOf(sentence), text.lastIndexOf(sentence), "said once");
        }
    }
}

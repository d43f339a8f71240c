package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.audit.PreviousPeriod;
import org.alaraaudit.report.ReportFixtures;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DRL sheet against the previous period: n and status always shown, a change only between judged groups. */
class WorkbookDrlChangeTest {
    @TempDir
    static Path dir;
    static AuditResult plain;
    static DrlGroup judged;

    @BeforeAll
    static void audit() {
        plain = ExcelReportTest.audit(dir);
        judged = plain.drlGroups().stream().filter(DrlSheet::judged).findFirst().orElseThrow();
    }

    private static DrlGroup before(DrlGroup g, int studies, double ratio, String status) {
        return new DrlGroup(g.facility(), g.examType(), g.band(), g.quantity(), studies, g.drl() * ratio, null, g.drl(),
                ratio, status, g.source(), g.phantomCm(), studies, g.drlSet(), g.drlPhantomCm(), null, g.examName(), null);
    }

    private static Row rowOf(XSSFWorkbook wb, AuditResult r, DrlGroup g) {
        Sheet s = wb.getSheet(DrlSheet.NAME);
        for (int i = 1; i <= r.drlGroups().size(); i++) {
            Row row = s.getRow(i);
            if (row.getCell(0).getStringCellValue().equals(g.facility()) && row.getCell(1).getStringCellValue().equals(g.examName())
                    && row.getCell(2).getStringCellValue().equals(g.band()) && row.getCell(3).getStringCellValue().equals(g.quantity())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + g);
    }

    private static XSSFWorkbook write(DrlGroup previous, String name) throws IOException {
        PreviousPeriod p = new PreviousPeriod(AuditPeriod.month(YearMonth.of(2026, 9)), Instant.parse("2026-10-01T07:00:00Z"),
                "test", plain.run().ruleSetDigest(), ReportFixtures.previousFigures(), List.of(previous));
        Path file = dir.resolve(name + ".xlsx");
        ExcelReport.write(ReportFixtures.copy(plain, p, plain.findings(), List.of()), file);
        return ExcelReportTest.open(file);
    }

    @Test
    void aRatioFromThreeStudiesIsShownWithItsCountAndStatusButNotAsAChange() throws IOException {
        try (XSSFWorkbook wb = write(before(judged, 3, 0.5, "INSUFFICIENT_SAMPLE"), "three")) {
            List<String> h = ExcelReportTest.header(wb.getSheet(DrlSheet.NAME));
            Row r = rowOf(wb, plain, judged);
            assertEquals(3, r.getCell(h.indexOf("previous studies")).getNumericCellValue());
            assertEquals("insufficient sample", r.getCell(h.indexOf("previous status")).getStringCellValue(), "as the PDF words it");
            var change = r.getCell(h.indexOf("change in ratio"));
            assertEquals(CellType.STRING, change.getCellType(), "no number where the previous group was not judged");
            assertTrue(change.getStringCellValue().startsWith("not compared: previous period insufficient sample (3 studies)"),
                    change.getStringCellValue());
        }
    }

    @Test
    void twoJudgedPeriodsGiveTheChangeOfTheRatio() throws IOException {
        try (XSSFWorkbook wb = write(before(judged, 15, 0.5, "BELOW"), "judged")) {
            List<String> h = ExcelReportTest.header(wb.getSheet(DrlSheet.NAME));
            Row r = rowOf(wb, plain, judged);
            assertEquals(15, r.getCell(h.indexOf("previous studies")).getNumericCellValue());
            assertEquals(judged.ratio() - 0.5, r.getCell(h.indexOf("change in ratio")).getNumericCellValue(), 1e-4);
            assertEquals("status", h.get(DrlSheet.STATUS_COLUMN));
            assertEquals("change in ratio", h.get(DrlSheet.CHANGE_COLUMN));
        }
    }
}

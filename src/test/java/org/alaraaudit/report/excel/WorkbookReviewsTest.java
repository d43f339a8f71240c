package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.report.ReportFixtures;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imported reviews come back in the review columns, so the safety officer never types a justification twice. */
class WorkbookReviewsTest {
    @TempDir
    Path dir;

    @Test
    void importedReviewsFillTheReviewColumnsOfTheirFindingsOnly() throws Exception {
        AuditResult base = ReportFixtures.audit(dir);
        Finding reviewed = base.findings().stream().findFirst().orElseThrow();
        AuditResult.Review review = new AuditResult.Review(org.alaraaudit.model.ReviewStatus.JUSTIFIED, "clinical need documented", "Dr Rad", LocalDate.of(2026, 11, 3));
        AuditResult r = base.toBuilder().reviews(new AuditResult.Reviews(Map.of(reviewed.findingId(), review), List.of()))
                .events(org.alaraaudit.audit.aggregate.PeriodEvents.NONE).build();
        Path xlsx = dir.resolve("audit.xlsx");
        ExcelReport.write(r, xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            Sheet s = wb.getSheet("Findings");
            int col = FindingsSheet.REVIEW_STATUS_COLUMN;
            int matched = 0;
            for (Row row : s) {
                if (row.getRowNum() == 0) continue;
                String id = row.getCell(0).getStringCellValue();
                if (id.equals(reviewed.findingId())) {
                    matched++;
                    assertEquals("JUSTIFIED", row.getCell(col).getStringCellValue());
                    assertEquals("clinical need documented", row.getCell(col + 1).getStringCellValue());
                    assertEquals("Dr Rad", row.getCell(col + 2).getStringCellValue());
                    assertEquals(LocalDate.of(2026, 11, 3), row.getCell(col + 3).getLocalDateTimeCellValue().toLocalDate());
                    assertEquals(true, DateUtil.isCellDateFormatted(row.getCell(col + 3)));
                } else {
                    assertNull(row.getCell(col), "findings without a review keep empty review columns");
                }
            }
            assertEquals(1, matched);
        }
    }
}

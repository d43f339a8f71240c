package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.PeriodEvents;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event sheet: one row per audited event of the period, pseudonymised, for the safety officer's own pivots. */
class WorkbookEventsTest {
    @TempDir
    static Path dir;
    static AuditResult result;

    @BeforeAll
    static void audit() {
        result = ExcelReportTest.audit(dir);
    }

    @Test
    void everyEventOfThePeriodHasARowWithItsDoses() throws IOException {
        Path file = dir.resolve("events.xlsx");
        ExcelReport.write(result, file);
        assertTrue(result.events().size() > 10, "the fixture has events");
        assertEquals(result.figures().events(), result.events().size(), "the period's events, as the figures count them");
        try (XSSFWorkbook wb = ExcelReportTest.open(file)) {
            Sheet s = wb.getSheet(EventsSheet.NAME);
            List<String> h = ExcelReportTest.header(s);
            assertEquals(EventsSheet.COLUMNS.stream().map(Column::header).toList(), h);
            assertEquals(result.events().size(), s.getLastRowNum());
            List<PeriodEvents.Event> events = new ArrayList<>();
            result.events().forEach(events::add);
            for (int i = 0; i < events.size(); i++) {
                PeriodEvents.Event e = events.get(i);
                Row r = s.getRow(i + 1);
                assertEquals(e.accessionNumber(), r.getCell(h.indexOf("accession number")).getStringCellValue());
                assertEquals(e.patientRef(), r.getCell(h.indexOf("pseudonym")).getStringCellValue());
                if (e.ctdivolMgy() != null) {
                    assertEquals(CellType.NUMERIC, r.getCell(h.indexOf("CTDIvol (mGy)")).getCellType());
                    assertEquals(e.ctdivolMgy(), r.getCell(h.indexOf("CTDIvol (mGy)")).getNumericCellValue(), 1e-4);
                }
                assertNotNull(r.getCell(h.indexOf("study date")));
            }
            for (Row r : s) {
                for (var c : r) {
                    if (c.getCellType() == CellType.STRING) assertTrue(!c.getStringCellValue().contains("MRN-"), "no patient id");
                }
            }
        }
    }

    @Test
    void aLongEventListContinuesOnAnotherSheet() throws IOException {
        Path file = dir.resolve("events-split.xlsx");
        ExcelReport.write(result, file, 10);
        try (XSSFWorkbook wb = ExcelReportTest.open(file)) {
            long rows = 0;
            for (Sheet s : wb) if (s.getSheetName().startsWith("Events")) rows += s.getLastRowNum();
            assertNotNull(wb.getSheet("Events (2)"));
            assertEquals(result.events().size(), rows);
        }
    }
}

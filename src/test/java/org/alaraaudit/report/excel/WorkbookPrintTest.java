package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample month's workbook read back with POI as a printer reads it: paper, scale, the rows and columns
 * repeated on every page. The sizes are those of LibreOffice without Calibri, the widest way the workbook is
 * printed: its text is 10 pt at 100 %, a unit of column width 7.0 pt.
 */
class WorkbookPrintTest {
    /** Points a unit of column width takes at 100 % in LibreOffice drawing DejaVu Sans for Calibri. */
    static final double POINTS_PER_UNIT = 7.0;
    /** LibreOffice's body text at 100 %. */
    static final double TEXT_POINTS = 10.0;

    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void write() throws IOException {
        file = dir.resolve("audit-2026-10.xlsx");
        ExcelReport.write(AuditFixture.sampleMonth(YearMonth.of(2026, 10)), file);
    }

    /** Every sheet but the Summary (one page wide, portrait) and the Rules (sections, no single header). */
    static List<Sheet> lists(XSSFWorkbook wb) {
        List<Sheet> out = new ArrayList<>();
        for (Sheet s : wb) if (!s.getSheetName().equals(SummarySheet.NAME) && !s.getSheetName().equals(RulesSheet.NAME)) out.add(s);
        return out;
    }

    /** The widths in units of the columns the sheet fills. */
    static List<Integer> widths(Sheet s) {
        int columns = 0;
        for (var r : s) columns = Math.max(columns, r.getLastCellNum());
        List<Integer> w = new ArrayList<>();
        for (int c = 0; c < columns; c++) w.add(s.getColumnWidth(c) / 256);
        return w;
    }

    /** Printable width in points of the sheet's paper, as set, across the page. */
    static double printableWidth(Sheet s) {
        PrintSetup p = s.getPrintSetup();
        boolean a4 = p.getPaperSize() == PrintSetup.A4_PAPERSIZE;
        double across = p.getLandscape() ? (a4 ? 841.9 : 792) : (a4 ? 595.3 : 612);
        return across - 72 * (s.getMargin(PageMargin.LEFT) + s.getMargin(PageMargin.RIGHT));
    }

    /** The scale a sheet prints at: its own, or where it is fitted to pages across, what fitting its columns takes. */
    static double scale(Sheet s) {
        if (!s.getFitToPage()) return s.getPrintSetup().getScale() / 100.0;
        double wide = 0;
        for (int w : widths(s)) wide += w * POINTS_PER_UNIT;
        return Math.min(1, s.getPrintSetup().getFitWidth() * printableWidth(s) / wide);
    }

    /** Pages across at the sheet's scale: columns filled left to right, later pages starting with the repeated ones. */
    static int pagesAcross(Sheet s) {
        double room = printableWidth(s) / (POINTS_PER_UNIT * scale(s));
        List<Integer> w = widths(s);
        var titles = s.getRepeatingColumns();
        int repeated = 0;
        if (titles != null) for (int c = titles.getFirstColumn(); c <= titles.getLastColumn(); c++) repeated += w.get(c);
        int pages = 1;
        double used = 0;
        for (int x : w) {
            if (used > 0 && used + x > room) {
                pages++;
                used = repeated;
            }
            used += x;
        }
        return pages;
    }

    /** The headers on each printed page across, the repeated columns included, at the sheet's scale. */
    static List<List<String>> pagesOf(Sheet s) {
        double room = printableWidth(s) / (POINTS_PER_UNIT * scale(s));
        List<Integer> w = widths(s);
        List<String> h = ExcelReportTest.header(s);
        var titles = s.getRepeatingColumns();
        List<Integer> repeated = new ArrayList<>();
        if (titles != null) for (int c = titles.getFirstColumn(); c <= titles.getLastColumn(); c++) repeated.add(c);
        List<List<String>> pages = new ArrayList<>();
        List<String> page = new ArrayList<>();
        double used = 0;
        for (int c = 0; c < h.size(); c++) {
            if (used > 0 && used + w.get(c) > room) {
                pages.add(page);
                page = new ArrayList<>();
                used = 0;
                for (int t : repeated) {
                    page.add(h.get(t));
                    used += w.get(t);
                }
            }
            page.add(h.get(c));
            used += w.get(c);
        }
        pages.add(page);
        return pages;
    }

    @Test
    void everyListPrintsOnLandscapeA4WithItsHeaderRowOnEveryPage() throws IOException {
        try (XSSFWorkbook wb = ExcelReportTest.open(file)) {
            for (Sheet s : lists(wb)) {
                String n = s.getSheetName();
                assertTrue(s.getPrintSetup().getLandscape(), n + " landscape");
                assertEquals(PrintSetup.A4_PAPERSIZE, s.getPrintSetup().getPaperSize(), n + " on A4");
                assertEquals("1:1", s.getRepeatingRows().formatAsString().replace("$", ""), n + " repeats its header row");
                assertTrue(s.getPrintSetup().getFitHeight() == 0 || !s.getFitToPage(), n + " as many pages long as it takes");
            }
            assertEquals(PrintSetup.A4_PAPERSIZE, wb.getSheet(SummarySheet.NAME).getPrintSetup().getPaperSize());
            assertEquals(PrintSetup.A4_PAPERSIZE, wb.getSheet(RulesSheet.NAME).getPrintSetup().getPaperSize());
        }
    }

    @Test
    void noListIsShrunkBelowSevenPointTextToFitThePage() throws IOException {
        try (XSSFWorkbook wb = ExcelReportTest.open(file)) {
            List<Sheet> sheets = new ArrayList<>(lists(wb));
            sheets.add(wb.getSheet(RulesSheet.NAME));
            for (Sheet s : sheets) {
                double points = TEXT_POINTS * scale(s);
                assertTrue(points >= 7.0, s.getSheetName() + " prints its text at " + points + " pt");
            }
        }
    }

    @Test
    void headersWrapBetweenWordsOnlyInARowTallEnoughForThem() throws IOException {
        try (XSSFWorkbook wb = ExcelReportTest.open(file)) {
            for (Sheet s : lists(wb)) {
                int lines = 1;
                for (var c : s.getRow(0)) {
                    String h = c.getStringCellValue();
                    int width = s.getColumnWidth(c.getColumnIndex()) / 256;
                    assertTrue(width >= TextFit.headerWidth(h), s.getSheetName() + ": \"" + h + "\" in " + width + " units");
                    lines = Math.max(lines, TextFit.lines(h, width, true));
                }
                assertTrue(s.getRow(0).getHeightInPoints() >= TextFit.points(lines), s.getSheetName() + ": header row of " + lines + " lines");
            }
            Sheet events = wb.getSheet(EventsSheet.NAME);
            int phantom = ExcelReportTest.header(events).indexOf("phantom (cm)");
            // "phantom" in bold is 8 units wide in Calibri and in LibreOffice's DejaVu Sans: the 8 it had broke it
            assertTrue(events.getColumnWidth(phantom) / 256 >= 9, "phantom (cm): " + events.getColumnWidth(phantom) / 256);
            assertTrue(events.getRow(0).getHeightInPoints() >= 30, "two lines: phantom / (cm)");
        }
    }

    @Test
    void longCitationsAndMessagesWrapInWideColumnsInRowsTallEnoughToShowThem() throws IOException {
        try (XSSFWorkbook wb = ExcelReportTest.open(file)) {
            Sheet findings = wb.getSheet(FindingsSheet.NAME);
            shownWhole(findings, "reference_source");
            shownWhole(findings, "message");
            List<String> h = ExcelReportTest.header(findings);
            assertEquals(h.indexOf("reference_source") + 1, h.indexOf("reference_status"), "the status its own column beside the citation");
            shownWhole(wb.getSheet(CumulativeDoseSheet.NAME), "message");
            shownWhole(wb.getSheet(CumulativeDoseSheet.NAME), "threshold source");
            shownWhole(wb.getSheet(RepeatsSheet.NAME), "message");
            shownWhole(wb.getSheet(DrlSheet.NAME), "source");
        }
    }

    /**
     * A column of long text is at least 50 units wide, its cells wrap, and each row is at least as tall as the
     * lines its text fills at 0.8 units a character (Calibri averages 0.85 on these sentences, LibreOffice's
     * DejaVu Sans 0.79), 15 pt a line.
     */
    static void shownWhole(Sheet s, String column) {
        int c = ExcelReportTest.header(s).indexOf(column);
        int width = s.getColumnWidth(c) / 256;
        assertTrue(width >= 50, s.getSheetName() + " " + column + ": " + width + " units");
        int filled = 0;
        for (var row : s) {
            var cell = row.getCell(c);
            if (row.getRowNum() == 0 || cell == null || cell.getStringCellValue().isEmpty()) continue;
            filled++;
            String v = cell.getStringCellValue();
            assertTrue(cell.getCellStyle().getWrapText(), s.getSheetName() + "!" + cell.getAddress() + " wraps");
            int lines = (int) Math.ceil(v.length() * 0.8 / (width - 1));
            assertTrue(row.getHeightInPoints() >= 15 * lines, s.getSheetName() + "!" + cell.getAddress() + ": " + row.getHeightInPoints()
                    + " pt for " + lines + " lines of " + v);
        }
        assertTrue(filled > 0, s.getSheetName() + " " + column + " filled");
    }

    @Test
    void theFirstPrintedPagesHoldWhatAReviewerReadsFirst() throws IOException {
        try (XSSFWorkbook wb = ExcelReportTest.open(file)) {
            List<List<String>> findings = pagesOf(wb.getSheet(FindingsSheet.NAME));
            // the review columns stay right after the key, where review import's users type them
            assertEquals(List.of("finding_id", "severity", "rule_id", "accession_number", "review_status", "justification",
                    "reviewer", "reviewed_on", "study_datetime"), findings.get(0));
            assertEquals(List.of("finding_id", "facility", "message", "reference_source", "reference_status"),
                    findings.get(1), "the message and its citation next, beside the finding's id");
            List<List<String>> drl = pagesOf(wb.getSheet(DrlSheet.NAME));
            assertEquals("ratio (median / DRL)", drl.get(0).get(drl.get(0).size() - 1), "the group's figures up to its ratio: " + drl.get(0));
            List<List<String>> cumulative = pagesOf(wb.getSheet(CumulativeDoseSheet.NAME));
            assertEquals(List.of("patient_ref", "message", "threshold source", "finding_id"), cumulative.get(1), cumulative.toString());
            // the DRL chart lies within the first page's columns, not cut at its edge
            var shapes = wb.getSheet(DrlSheet.NAME).getDrawingPatriarch().getShapes();
            assertEquals(1, shapes.size(), "the chart");
            var anchor = (org.apache.poi.xssf.usermodel.XSSFClientAnchor) shapes.get(0).getAnchor();
            assertTrue(anchor.getCol2() <= drl.get(0).size(), "chart to column " + anchor.getCol2());
        }
    }

    @Test
    void theWideListsRunOverSeveralPagesAcrossEachNamingItsRows() throws IOException {
        try (XSSFWorkbook wb = ExcelReportTest.open(file)) {
            for (String n : List.of(FindingsSheet.NAME, DrlSheet.NAME, CumulativeDoseSheet.NAME, RulesSheet.NAME)) {
                Sheet s = wb.getSheet(n);
                assertTrue(pagesAcross(s) >= 2, n + " runs over " + pagesAcross(s) + " pages across");
                assertTrue(pagesAcross(s) <= 4, n + " runs over " + pagesAcross(s) + " pages across");
                assertTrue(s.getPrintSetup().getLeftToRight(), n + ": the pages of one band of rows follow one another");
            }
            for (String n : List.of(FindingsSheet.NAME, CumulativeDoseSheet.NAME, RulesSheet.NAME)) {
                assertEquals("A:A", wb.getSheet(n).getRepeatingColumns().formatAsString().replace("$", ""),
                        n + ": the column naming the row on every page");
            }
            Sheet exposure = wb.getSheet(ProjectionSheets.DEVIATION);
            assertEquals(1, pagesAcross(exposure), "a narrow list stays on one page across");
            assertFalse(exposure.getPrintSetup().getLeftToRight());
            assertEquals(100, exposure.getPrintSetup().getScale(), "at full size");
        }
    }
}

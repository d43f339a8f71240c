package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A table's end as a reader meets it: never one or two rows alone on the table's last page, never its note alone
 * at the top of a page, and its column headers over the rows there, wherever on the page the table starts and
 * however many rows it has.
 */
class TableEndTest {
    private static AuditResult october;

    @BeforeAll
    static void audit() { october = AuditFixture.sampleMonth(YearMonth.of(2026, 10)); }

    /** The pages' text of a table of {@code rows} rows set under {@code lines} lines of text, its note under it. */
    private static List<String> pages(int lines, int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 54, 54, 64, 70);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.open();
        ReportTemplate template = ReportTemplate.load(null);
        ReportContext ctx = new ReportContext(october, template, "Test", doc, writer, new Typography(template.primary()));
        for (int i = 0; i < lines; i++) ctx.paragraph("Filler line " + i);
        ReportTable t = new ReportTable(ctx, new float[]{2, 1}, "Protocol", "Studies#");
        for (int i = 1; i <= rows; i++) t.row("ROW" + i + " PED HEAD", Integer.toString(i));
        t.finish(List.of("NOTE: studies per protocol in the period.", "[1] a second note"));
        doc.close();
        List<String> pages = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(out.toByteArray())) {
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                pages.add(s.getText(d));
            }
        }
        return pages;
    }

    private static long rowsOn(String page) { return page.lines().filter(l -> l.startsWith("ROW")).count(); }

    @Test
    void aTablesLastPageHoldsAtLeastThreeRowsAndItsNoteWhereverTheTableStarts() throws IOException {
        List<String> bad = new ArrayList<>();
        int overPages = 0;
        // Tables of 40 to 75 rows, starting at every tenth of a page: over a page, some end with a row or two over,
        // some fill their last page to the foot, where the note would go to the next page alone.
        for (int lines = 0; lines <= 40; lines += 4) {
            for (int rows = 40; rows <= 75; rows += 1) {
                List<String> pages = pages(lines, rows);
                int last = -1;
                for (int p = 0; p < pages.size(); p++) if (rowsOn(pages.get(p)) > 0) last = p;
                String end = pages.get(last);
                if (last > 0) overPages++;
                boolean rowsTogether = last == 0 || rowsOn(end) >= ReportTable.LAST_ROWS;
                boolean noteWithRows = end.contains("NOTE: studies per protocol");
                boolean headed = end.lines().anyMatch(l -> l.equals("Protocol Studies"));
                if (!rowsTogether || !noteWithRows || !headed) bad.add(lines + " lines, " + rows + " rows: " + rowsOn(end) + " rows on the last page"
                        + (noteWithRows ? "" : ", its note on the next") + (headed ? "" : ", without the column headers"));
                assertTrue(String.join("", pages).contains("ROW" + rows + " "), "every row is set");
                assertEquals(rows, pages.stream().mapToLong(TableEndTest::rowsOn).sum(), "each row once");
            }
        }
        assertTrue(overPages > 300, overPages + " tables ran over a page");
        assertEquals(List.of(), bad.subList(0, Math.min(10, bad.size())), bad.size() + " tables end badly");
    }
}

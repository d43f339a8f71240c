package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditProgress;
import org.alaraaudit.audit.AuditRequest;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample month's PDF as a reader meets it, line by line and page by page: a protocol name or an age band is never
 * broken at its hyphen ("PED ABDOMEN 0-" over "1Y"), a number keeps its unit ("aged 12.6" over "y"), and a rule's
 * heading is never left alone at a page's foot with its table on the next page, the executive summary keeps to
 * its page, and a box plot continued on another page is titled there.
 */
class SampleMonthPdfLayoutTest {
    static Path pdf;

    @BeforeAll
    static void report() { pdf = SampleMonthPdf.file(); }

    @Test
    void noTableCellBreaksAProtocolAtItsHyphenOrANumberFromItsUnit() throws IOException {
        List<String> lines;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            lines = new PDFTextStripper().getText(d).lines().map(String::strip).toList();
        }
        List<String> broken = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            String next = lines.get(i + 1);
            if (line.matches(".*\\b(PED [A-Z]+|\\d+) ?\\d*-$")) broken.add(line + " | " + next);
            if (line.matches(".*\\d$") && next.matches("(y|mGy|kg|years)( .*)?")) broken.add(line + " | " + next);
        }
        assertEquals(List.of(), broken.subList(0, Math.min(8, broken.size())), broken.size() + " broken");
        assertTrue(lines.stream().anyMatch(l -> l.contains("PED ABDOMEN 10-15Y")), "the protocol table is there");
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*aged \\d+\\.\\d y.*") || l.matches("\\d+\\.\\d y.*")), "ages with their unit");
    }

    @Test
    void noRuleHeadingEndsAPage() throws IOException {
        List<String> orphans = new ArrayList<>();
        int headings = 0;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper page = new PDFTextStripper();
            page.setSortByPosition(true); // as the page reads, top to bottom: the running header is drawn last
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                page.setStartPage(p);
                page.setEndPage(p);
                List<String> lines = page.getText(d).lines().map(String::strip).filter(l -> !l.isEmpty())
                        // the running footer
                        .filter(l -> !l.startsWith("Quality-improvement audit") && !l.startsWith("Patients appear by pseudonym")
                                && !l.matches(".*Page \\d+ of \\d+"))
                        .toList();
                headings += (int) lines.stream().filter(l -> l.matches(".*: \\d+ (MAJOR|CRITICAL)( and \\d+ MAJOR)?(, \\d+ listed)?")).count();
                if (!lines.isEmpty() && lines.get(lines.size() - 1).matches(".*: \\d+ (MAJOR|CRITICAL)( and \\d+ MAJOR)?(, \\d+ listed)?")) {
                    orphans.add("page " + p + ": " + lines.get(lines.size() - 1));
                }
            }
        }
        assertTrue(headings > 5, headings + " rule headings found");
        assertEquals(List.of(), orphans);
    }

    @Test
    void theExecutiveSummaryEndsOnItsOwnPageAndTheChartsBeginTheNext() throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(3);
            text.setEndPage(3);
            String summary = text.getText(d).replaceAll("\\s+", " ");
            assertTrue(summary.contains("Executive summary") && summary.contains("Scope: the period's")
                    && summary.contains("14 have their median above the DRL."), "the scope note ends on the summary's page: " + summary);
            text.setStartPage(4);
            text.setEndPage(4);
            String next = text.getText(d).replaceAll("\\s+", " ").strip();
            assertTrue(next.startsWith("Charts Findings by rule and severity"),
                    "nothing of the summary spills onto the next page: " + next.substring(0, Math.min(300, next.length())));
        }
    }

    /**
     * With a previous period the summary's tiles and severity table take more room: the points worth acting on are
     * fewer, never the scope note (the row counts the figures rest on) pushed onto a page of its own.
     */
    @Test
    void withAPreviousPeriodTheSummaryStillEndsWithItsScopeNoteOnItsOwnPage() throws IOException {
        AuditResult r = org.alaraaudit.report.ReportFixtures.withPrevious(AuditFixture.sampleMonth(YearMonth.of(2026, 10)));
        Path file = java.nio.file.Files.createTempFile("summary-previous", ".pdf");
        try {
            PdfReport.write(r, ReportTemplate.load("default"), null, file);
            try (PDDocument d = Loader.loadPDF(file.toFile())) {
                PDFTextStripper text = new PDFTextStripper();
                text.setStartPage(3);
                text.setEndPage(3);
                String summary = text.getText(d).replaceAll("\\s+", " ");
                assertTrue(summary.contains("Executive summary") && summary.contains("Change per 100") && summary.contains("Scope: the period's")
                        && summary.contains("14 have their median above the DRL."), summary);
                assertTrue(summary.contains("1. ") && summary.contains("2. "), "at least two points worth acting on: " + summary);
                text.setStartPage(4);
                text.setEndPage(4);
                assertTrue(text.getText(d).replaceAll("\\s+", " ").strip().startsWith("Charts"), "the charts begin the next page");
                // The signed page ends the report on itself: no line of it left over on a page of its own.
                int last = d.getNumberOfPages();
                text.setStartPage(last);
                text.setEndPage(last);
                String signOff = text.getText(d).replaceAll("\\s+", " ");
                assertTrue(signOff.contains("Review and sign-off") && signOff.contains("Actions agreed (what, who, by when)"), signOff);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /**
     * The CTDIvol and DLP box plots of the sample month have more protocol/station pairs than a page holds: their
     * second part, on the next page, is titled as the first part's continuation, not left a chart without a name.
     */
    @Test
    void aBoxPlotContinuedOnTheNextPageIsTitledThereAsContinued() throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            for (String q : List.of("CTDIvol", "DLP")) {
                String title = q + " per pediatric protocol and station";
                int first = 0;
                int note = 0;
                for (int p = 1; p <= d.getNumberOfPages() && note == 0; p++) {
                    List<String> lines = body(d, p);
                    if (first == 0 && lines.contains(title.replace(" ", ""))) first = p;
                    if (first > 0 && lines.stream().anyMatch(l -> l.startsWith("Box:25thto75thpercentileof" + q + "per"))) note = p;
                }
                assertTrue(first > 0 && note > first, q + ": the box plot runs over a page (title on " + first + ", note on " + note + ")");
                List<String> next = body(d, first + 1);
                assertEquals((title + " (continued)").replace(" ", ""), next.isEmpty() ? "" : next.get(0),
                        q + ", page " + (first + 1) + ": " + next);
            }
        }
    }

    /** The dose-against-size panels run over two pages in the sample month: the second is titled as continued. */
    @Test
    void theDoseAgainstSizePanelsContinuedOnTheNextPageAreTitledThere() throws IOException {
        String title = "CTDIvol against patient size per pediatric protocol".replace(" ", "");
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            int first = 0;
            for (int p = 1; p <= d.getNumberOfPages() && first == 0; p++) if (body(d, p).contains(title)) first = p;
            assertTrue(first > 0, "the panels' title");
            List<String> next = body(d, first + 1);
            assertEquals(title + "(continued)", next.isEmpty() ? "" : next.get(0), "page " + (first + 1) + ": " + next);
            assertTrue(body(d, first).stream().noneMatch(l -> l.contains("(continued)")), "not on the first page");
        }
    }

    /**
     * A page's lines as it reads, top to bottom, without the running header and footer, and without spaces: read by
     * position, a bold title comes out kerned apart ("C TDIvol").
     */
    private static List<String> body(PDDocument d, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(d).lines().map(String::strip).filter(l -> !l.isEmpty())
                .filter(l -> !l.contains("Pediatric Dose Compliance Report - ") && !l.startsWith("Quality-improvement audit")
                        && !l.startsWith("Patients appear by pseudonym") && !l.matches(".*Page \\d+ of \\d+"))
                .map(l -> l.replaceAll("\\s+", "")).toList();
    }
}

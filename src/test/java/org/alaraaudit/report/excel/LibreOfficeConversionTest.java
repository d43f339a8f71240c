package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Severity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreOffice opens the workbook and exports it: a workbook it would call damaged fails to convert. Skipped only
 * where LibreOffice is not installed (Debian: libreoffice-calc-nogui).
 */
class LibreOfficeConversionTest {
    @TempDir
    static Path dir;
    static Path xlsx;
    static Path pdf;
    static String log;

    @BeforeAll
    static void convert() throws Exception {
        String soffice = findOnPath("soffice");
        Assumptions.assumeTrue(soffice != null, "soffice is not installed");
        AuditResult result = ExcelReportTest.audit(dir);
        xlsx = dir.resolve("audit-2026-10.xlsx");
        ExcelReport.write(result, xlsx);
        Path out = Files.createDirectories(dir.resolve("pdf"));
        // a private profile, so a LibreOffice the user has open (or a parallel test) does not swallow the call
        Process p = new ProcessBuilder(soffice, "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", out.toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "soffice finished");
        log = Files.readString(dir.resolve("soffice.log"));
        assertEquals(0, p.exitValue(), log);
        pdf = out.resolve("audit-2026-10.pdf");
    }

    @Test
    void libreOfficeConvertsTheWorkbookToPdf() throws Exception {
        assertTrue(Files.isRegularFile(pdf) && Files.size(pdf) > 1000, "no PDF: " + log);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(doc.getNumberOfPages() >= 9, "a page per sheet at least");
            assertTrue(text.contains("Findings by rule and severity"), "Summary rendered");
            assertTrue(text.contains("review_status"), "Findings rendered with the review columns");
            assertTrue(text.contains("=HYPERLINK"), "the formula-like protocol name shows as text");
        }
    }

    /**
     * Every page is A4 and its smallest text readable: 7 pt on the lists' landscape pages. The Summary, fitted to
     * one portrait page wide with its notes across it, prints at about 7 pt where LibreOffice has no Calibri.
     */
    @Test
    void everyPageIsA4AndItsTextReadable() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                var box = doc.getPage(i - 1).getMediaBox();
                boolean landscape = box.getWidth() > box.getHeight();
                assertEquals(841.9, Math.max(box.getWidth(), box.getHeight()), 1, "page " + i + " is A4");
                assertEquals(595.3, Math.min(box.getWidth(), box.getHeight()), 1, "page " + i + " is A4");
                float smallest = smallestText(doc, i);
                assertTrue(smallest >= (landscape ? 7.0f : 6.5f), "page " + i + ": text at " + smallest + " pt");
            }
        }
    }

    /**
     * A header wraps between its words, never inside one ("phanto / m (cm)"): every bold word LibreOffice drew on
     * a list's page is a word of a header (or of a chart's title, or a severity; or several run together where
     * cells touch).
     */
    @Test
    void headersBreakBetweenWordsOnly() throws Exception {
        Set<String> words = new HashSet<>();
        try (XSSFWorkbook wb = ExcelReportTest.open(xlsx)) {
            for (Sheet s : WorkbookPrintTest.lists(wb)) {
                for (Cell c : s.getRow(0)) words.addAll(List.of(c.getStringCellValue().split(" ")));
                // a chart's title is bold too
                var drawing = ((org.apache.poi.xssf.usermodel.XSSFSheet) s).getDrawingPatriarch();
                if (drawing != null) for (var chart : drawing.getCharts()) words.addAll(List.of(chart.getTitleText().getString().split(" ")));
            }
        }
        for (Severity v : Severity.values()) words.add(v.name());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> broken = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                var box = doc.getPage(i - 1).getMediaBox();
                if (box.getWidth() < box.getHeight()) continue; // the Summary
                List<String> bold = boldWords(doc, i);
                if (bold.stream().anyMatch(w -> w.startsWith("Rules"))) break; // the Rules sheet, last, has sections
                for (String w : bold) if (!madeOf(w, words)) broken.add("page " + i + ": " + w);
            }
            assertTrue(broken.isEmpty(), broken.toString());
        }
    }

    /** LibreOffice breaks the Findings pages where the workbook's columns say: the date on the first, the message next. */
    @Test
    void theFindingsFirstPageHoldsTheKeyTheReviewAndTheDateAndTheNextTheMessage() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int first = 1;
            while (!boldWords(doc, first).contains("finding_id")) first++;
            List<String> one = boldWords(doc, first);
            List<String> two = boldWords(doc, first + 1);
            assertTrue(one.containsAll(List.of("severity", "rule_id", "accession_number", "review_status", "study_datetime")), one.toString());
            assertFalse(one.contains("message"), one.toString());
            assertTrue(two.containsAll(List.of("finding_id", "facility", "message", "reference_source", "reference_status")), two.toString());
        }
    }

    /** Whether {@code token} is one or more of {@code words} run together. */
    static boolean madeOf(String token, Set<String> words) {
        boolean[] upTo = new boolean[token.length() + 1];
        upTo[0] = true;
        for (int end = 1; end <= token.length(); end++) {
            for (int start = 0; start < end && !upTo[end]; start++) upTo[end] = upTo[start] && words.contains(token.substring(start, end));
        }
        return upTo[token.length()];
    }

    static List<String> boldWords(PDDocument doc, int page) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (!positions.isEmpty() && positions.get(0).getFont().getName().contains("Bold")) out.addAll(List.of(text.trim().split("\\s+")));
            }
        };
        s.setStartPage(page);
        s.setEndPage(page);
        s.getText(doc);
        out.removeIf(String::isEmpty);
        return out;
    }

    /** The size in points of the smallest text drawn on a page (1-based). */
    static float smallestText(PDDocument doc, int page) throws java.io.IOException {
        float[] smallest = {Float.MAX_VALUE};
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition t : positions) {
                    if (!t.getUnicode().isBlank()) smallest[0] = Math.min(smallest[0], t.getYScale());
                }
            }
        };
        s.setStartPage(page);
        s.setEndPage(page);
        s.getText(doc);
        return smallest[0];
    }

    static String findOnPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }
}

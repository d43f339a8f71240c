package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.alaraaudit.audit.AuditResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
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
    static Path pdf;
    static String log;

    @BeforeAll
    static void convert() throws Exception {
        String soffice = findOnPath("soffice");
        Assumptions.assumeTrue(soffice != null, "soffice is not installed");
        AuditResult result = ExcelReportTest.audit(dir);
        Path xlsx = dir.resolve("audit-2026-10.xlsx");
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

    /** The size in points of the smallest text drawn on a page (1-based). */
    static float smallestText(PDDocument doc, int page) throws java.io.IOException {
        float[] smallest = {Float.MAX_VALUE};
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void writeString(String text, java.util.List<TextPosition> positions) {
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

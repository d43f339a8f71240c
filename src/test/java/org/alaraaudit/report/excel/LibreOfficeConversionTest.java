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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreOffice opens the workbook and exports it: a workbook it would call damaged fails to convert. Skipped only
 * where LibreOffice is not installed (Debian: libreoffice-calc-nogui).
 */
class LibreOfficeConversionTest {
    @TempDir
    Path dir;

    @Test
    void libreOfficeConvertsTheWorkbookToPdf() throws Exception {
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
        String log = Files.readString(dir.resolve("soffice.log"));
        assertEquals(0, p.exitValue(), log);
        Path pdf = out.resolve("audit-2026-10.pdf");
        assertTrue(Files.isRegularFile(pdf) && Files.size(pdf) > 1000, "no PDF: " + log);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(doc.getNumberOfPages() >= 9, "a page per sheet at least");
            assertTrue(text.contains("Findings by rule and severity"), "Summary rendered");
            assertTrue(text.contains("review_status"), "Findings rendered with the review columns");
            assertTrue(text.contains("=HYPERLINK"), "the formula-like protocol name shows as text");
        }
    }

    static String findOnPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }
}

package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every numbered citation under a table of the PDF says how far the values it is cited for were verified, as the
 * reference tables give it; a reader who sees only one table's notes never takes a transcribed value as read in the
 * publication.
 */
class SourceStatusNotesTest {
    @TempDir
    Path dir;

    @Test
    void eachCitationOfATableValueCarriesItsStatus() throws IOException {
        AuditResult r = AuditFixture.sampleMonth(YearMonth.of(2026, 10));
        Path pdf = dir.resolve("october.pdf");
        PdfReport.write(r, ReportTemplate.load("default"), null, pdf);
        String text;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("[1] Kanal KM, Butler PF, Chatfield MB et al. U.S. Diagnostic Reference Levels and Achievable Doses for 10"
                + " Pediatric CT Examinations. Radiology 2022;302(1):164-174 (from a secondary source)"), "the DRL table's citation");
        assertTrue(text.contains("the recurrent-imaging level below is on the effective-dose scale) (local policy)"), "a local-policy level");
        // Every citation of a value of the reference tables, wherever it is listed, has its status after it.
        int cited = 0;
        for (String source : r.tables().references().statusBySource().keySet()) {
            Matcher m = Pattern.compile("\\] " + Pattern.quote(source.replaceAll("\\s+", " ")) + "(.{0,2})").matcher(text);
            while (m.find()) {
                cited++;
                assertTrue(m.group(1).startsWith(" ("), "status after [n] " + source + ": '" + m.group(1) + "'");
            }
        }
        assertTrue(cited > 10, cited + " citations checked");
    }
}

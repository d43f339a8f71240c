package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample month's three procedures above the substantial radiation dose level put patients on the skin
 * follow-up list: the executive summary names them first, with the procedure days, though repeats and adult
 * protocols on children are many times more numerous.
 */
class FollowUpFirstTest {
    @TempDir
    Path dir;

    @Test
    void patientsOnTheSkinFollowUpListAreTheFirstThingWorthActingOnWithTheirProcedureDays() throws IOException {
        AuditResult r = AuditFixture.sampleMonth(YearMonth.of(2026, 10));
        List<String> days = AuditFixture.findings(r, "FLUORO_SUBSTANTIAL_DOSE").stream()
                .map(f -> f.studyDatetime().toLocalDate().toString()).distinct().sorted().toList();
        assertEquals(3, days.size(), "the sample month's planted procedures");
        assertTrue(AuditFixture.findings(r, "REPEAT_STUDY").size() > 3);

        Path pdf = dir.resolve("october.pdf");
        PdfReport.write(r, ReportTemplate.load("default"), null, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            int list = text.indexOf("Most worth acting on");
            assertTrue(list > 0, text);
            String first = text.substring(list, list + 600);
            assertTrue(first.startsWith("Most worth acting on 1. Substantial radiation dose level (skin follow-up): 3 MAJOR findings"), first);
            assertTrue(first.contains("Patient follow-up: a skin check 2 to 4 weeks after each procedure (NCRP 168); procedures of "
                    + String.join(", ", days)), first);
        }
    }
}

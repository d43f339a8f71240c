package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.report.pdf.PdfReport;
import org.alaraaudit.report.pdf.ReportTemplate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cumulative dose looks back a year; an input of one month holds a month of it. The reports say so, instead of
 * naming a year-long window as if its doses were all counted.
 */
class CumulativeWindowDataTest {
    @TempDir
    Path dir;

    @Test
    void aWindowThatReachesBackBeforeTheInputIsSaidToCountEarlierDosesOnlyAsFarAsAStoreKeptThem() throws Exception {
        AuditResult r = new AuditFixture().period(AuditPeriod.month(YearMonth.of(2026, 10)))
                .row("study_datetime", "2026-10-10T10:00:00").audit(dir);
        assertEquals("The 365-day look-back window runs from 2025-11-01 to 2026-10-31; the input's studies start on 2026-10-10, so"
                + " earlier doses count only as far as a history store kept them from earlier audits, and a cumulative dose may be a"
                + " lower bound.", r.windowBeforeInput());
        Path pdf = dir.resolve("window.pdf");
        PdfReport.write(r, ReportTemplate.load("default"), null, pdf);
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertTrue(text.contains("Data of the window. " + r.windowBeforeInput()), text);
        }
    }

    @Test
    void anInputThatCoversTheWholeWindowNeedsNoSuchWord() {
        AuditResult r = new AuditFixture().period(AuditPeriod.month(YearMonth.of(2026, 10)))
                .row("accession_number", "OLD", "study_datetime", "2025-10-30T10:00:00")
                .row("study_datetime", "2026-10-10T10:00:00").audit(dir);
        assertNull(r.windowBeforeInput());
    }
}

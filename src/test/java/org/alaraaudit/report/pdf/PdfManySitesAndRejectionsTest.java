package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.scanlog.RowAccounting;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export of a dozen sites with a fifth of its rows unusable, as real dose reports can be: the running header
 * names the sites that fit, and the executive summary says first that part of the input was not audited.
 */
class PdfManySitesAndRejectionsTest {
    @TempDir
    Path dir;

    @Test
    void theHeaderNamesTheSitesThatFitAndTheSummarySaysFirstThatAFifthOfTheRowsWereNotAudited() throws IOException {
        AuditFixture f = new AuditFixture();
        for (int i = 0; i < 12; i++) {
            f.row("patient_id", "P" + i, "accession_number", "A" + i, "facility", "Regional Children's Hospital Number " + (i + 1));
        }
        f.row("patient_id", "P20", "accession_number", "B1", "ctdivol_mgy", "oops");
        f.row("patient_id", "P21", "accession_number", "B2", "age_years", "");
        f.row("patient_id", "P22", "accession_number", "B3", "study_datetime", "2026-10-32T10:00:00");
        AuditResult audited = f.audit(dir);
        var run = audited.run();
        // No --institution: the header names the facilities of the data.
        AuditResult r = audited.toBuilder().run(new org.alaraaudit.audit.RunInfo(run.toolVersion(), run.ruleSetDigest(),
                run.ruleSetLocation(), run.inputs(), run.period(), run.periodGiven(), run.pediatricAgeYears(), run.drlSet(),
                run.generatedAt(), null)).build();
        Path pdf = dir.resolve("sites.pdf");
        PdfReport.write(r, ReportTemplate.load("default"), null, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            String page = second.getText(doc);
            String header = page.lines().filter(l -> l.contains(" and more")).findFirst().orElseThrow(() -> new AssertionError(page));
            assertTrue(header.startsWith("Regional Children's Hospital Number 1 and more "), "whole names only: " + header);
            assertFalse(header.contains("Number 10"), "only the names that fit: " + header);
            assertTrue(page.contains("Pediatric Dose Compliance Report - 2026-10-01 to 2026-10-31"), "the title stays whole: " + page);

            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Executive summary Rows not audited. 3 of 15 rows (20 %) were rejected and not audited"), text);
        }
    }

    @Test
    void aCriticalFindingOnAValueTheToolDoubtsCarriesTheDataWarningInItsRow() throws IOException {
        AuditResult r = new AuditFixture()
                .row("age_years", "6", "protocol_name", "PED HEAD 6-18Y", "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", "3900",
                        "dlp_mgycm", "60000")
                .audit(dir);
        assertFalse(AuditFixture.findings(r, "CT_ALERT_VALUE").isEmpty(), r.findings().toString());
        assertFalse(r.warnings().isEmpty(), "3900 mGy for one event is a data warning");
        Path pdf = dir.resolve("doubt.pdf");
        PdfReport.write(r, ReportTemplate.load("default"), null, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Review: open (not yet reviewed)"), "the findings' table rows");
            assertTrue(text.contains("Data warning on scan-log.csv:2: " + r.warnings().get(0).reason() + " (see Data quality)"), text);
        }
    }

    @Test
    void aFewRejectedRowsAreLeftToTheScopeNoteAndDataQuality() {
        assertNull(ExecutiveSummary.notAudited(RowAccounting.of(15_823, 15_745, 24, 18, 36)));
        assertTrue(ExecutiveSummary.notAudited(RowAccounting.of(100, 99, 1, 0, 0)).startsWith("1 of 100 rows (1 %)"));
    }
}

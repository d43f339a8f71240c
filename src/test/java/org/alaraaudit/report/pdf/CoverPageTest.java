package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.ReportFixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cover as a reviewer reads it (PDFBox text of page 1 and 2): whose, which scanners, how reviewed, how sound. */
class CoverPageTest {
    @TempDir
    static Path dir;
    static AuditResult result;

    @BeforeAll
    static void audit() {
        AuditFixture f = new AuditFixture().defaults("manufacturer", "Siemens", "model", "SOMATOM Force");
        for (int i = 0; i < 3; i++) f.row("patient_id", "P" + i, "accession_number", "S" + i);
        f.defaults("station_name", "CT2", "manufacturer", "GE", "model", "Revolution CT");
        f.row("patient_id", "Q1", "accession_number", "G1", "protocol_name", "ADULT CHEST ROUTINE", "ctdivol_mgy", "5",
                "dlp_mgycm", "150");
        result = f.audit(dir);
    }

    static String cover(AuditResult r, String template, String institution) throws IOException {
        Path pdf = dir.resolve(template + (institution == null ? "" : "-inst") + ".pdf");
        PdfReport.write(r, ReportTemplate.load(template), institution, pdf);
        ReportFixtures.keep(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(1);
            s.setEndPage(2);
            return s.getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theCoverListsTheScannersFoundInTheData() throws IOException {
        String t = cover(result, "accreditation", "Memorial Hospital");
        assertTrue(t.contains("Scanners in the data"), t);
        assertTrue(t.contains("General CT1 Siemens SOMATOM Force 3"), t);
        assertTrue(t.contains("General CT2 GE Revolution CT 1"), t);
    }

    @Test
    void theCoverGivesEachReferenceSetItsStatusInAReviewersWords() throws IOException {
        String t = cover(result, "accreditation", "Memorial Hospital");
        assertTrue(t.contains("Reference sets and their status"), t);
        assertTrue(t.contains("Pediatric CT diagnostic reference levels (US) from a secondary source"), t);
        assertTrue(t.contains("Adult CT diagnostic reference levels (US) from a secondary source"), t);
        assertFalse(t.contains("(EU)"), "only the DRL set in use");
        assertTrue(t.contains("Red-marrow dose coefficients (per unit CTDIvol) read in the publication"), t);
    }

    @Test
    void theInstitutionIsNeverBlank() throws IOException {
        assertTrue(cover(result, "accreditation", "Memorial Hospital").contains("Memorial Hospital"));
        var run = result.run();
        AuditResult anonymous = result.toBuilder().run(new org.alaraaudit.audit.RunInfo(run.toolVersion(), run.ruleSetDigest(),
                run.ruleSetLocation(), run.inputs(), run.period(), run.periodGiven(), run.pediatricAgeYears(), run.drlSet(),
                run.generatedAt(), null)).previousPeriod(null).filesWithoutPatientIdentifiers(List.of())
                .reviews(AuditResult.Reviews.NONE).build();
        String t = cover(anonymous, "accreditation", null);
        assertTrue(t.contains("General Pediatric Dose Compliance Report for Accreditation"), "the facilities stand in: " + t);
    }

    @Test
    void theCoverSaysHowManySeriousFindingsWereReviewed() throws IOException {
        List<Finding> serious = result.findings().stream().filter(f -> f.severity().atLeast(Severity.MAJOR)).toList();
        assertFalse(serious.isEmpty(), "the adult protocol on a child is MAJOR");
        String before = cover(result, "default", "Memorial Hospital");
        assertTrue(before.contains("0 of " + serious.size() + " CRITICAL/MAJOR findings of the period have a review status (0%)"), before);
        AuditResult reviewed = result.toBuilder().previousPeriod(null).filesWithoutPatientIdentifiers(List.of())
                .reviews(new AuditResult.Reviews(Map.of(serious.get(0).findingId(),
                        new AuditResult.Review(org.alaraaudit.model.ReviewStatus.JUSTIFIED, "trauma", "Dr Rad", LocalDate.of(2026, 11, 3))), List.of())).build();
        String after = cover(reviewed, "default", "Memorial Hospital");
        assertTrue(after.contains("1 of " + serious.size() + " CRITICAL/MAJOR findings of the period have a review status"), after);
        assertTrue(after.contains("1 JUSTIFIED"), after);
        assertTrue(after.contains("Sign-off"), after);
    }

    @Test
    void aShareOfReviewsNeverRoundsSomeToNoneOrMostToAll() {
        org.junit.jupiter.api.Assertions.assertEquals("0%", CoverPage.share(0, 300));
        org.junit.jupiter.api.Assertions.assertEquals("<1%", CoverPage.share(1, 300));
        org.junit.jupiter.api.Assertions.assertEquals("1%", CoverPage.share(2, 300));
        org.junit.jupiter.api.Assertions.assertEquals("50%", CoverPage.share(150, 300));
        org.junit.jupiter.api.Assertions.assertEquals(">99%", CoverPage.share(299, 300));
        org.junit.jupiter.api.Assertions.assertEquals("100%", CoverPage.share(300, 300));
    }
}

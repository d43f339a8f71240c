package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.ReportFixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review loop in the PDF: each incident with its review, how many are open, and earlier periods' open items. */
class PdfReviewsTest {
    @TempDir
    Path dir;

    private String text(AuditResult r) throws IOException {
        Path pdf = dir.resolve("r.pdf");
        PdfReport.write(r, ReportTemplate.load("accreditation"), null, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void incidentsCarryTheirReviewAndEarlierOpenFindingsAreListed() throws IOException {
        AuditResult base = ReportFixtures.audit(dir);
        List<Finding> serious = base.findings().stream().filter(f -> f.severity().atLeast(Severity.MAJOR)).toList();
        assertTrue(serious.size() >= 2, "the fixture has at least two serious findings");
        Finding reviewed = serious.get(0);
        AuditResult.Review review = new AuditResult.Review(org.alaraaudit.model.ReviewStatus.JUSTIFIED, "trauma, adult protocol chosen for speed",
                "Dr Rad", LocalDate.of(2026, 11, 3));
        AuditResult.OpenFinding old = new AuditResult.OpenFinding("f-old", "CT_NOTIFICATION_VALUE", Severity.MAJOR, "General",
                "OLD-77", LocalDateTime.of(2026, 9, 12, 10, 0), "CTDIvol 62 mGy above 50 mGy",
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), null);
        AuditResult r = base.toBuilder().reviews(new AuditResult.Reviews(Map.of(reviewed.findingId(), review), List.of(old)))
                .events(org.alaraaudit.audit.aggregate.PeriodEvents.NONE).build();
        String t = text(r);
        assertTrue(t.contains("Review: JUSTIFIED - trauma, adult protocol chosen for speed (Dr Rad, 2026-11-03)"), t);
        assertTrue(t.contains("Review status: 1 reviewed, " + (serious.size() - 1) + " still open"), t);
        assertTrue(t.contains("Review: open (not yet reviewed)"), t);
        // A MAJOR finding of 2026-09-12, one to three months before the period's end: counted, not listed.
        assertTrue(t.contains("Still awaiting review from earlier periods (1)") && t.contains("MAJOR 0 1 0 1"), t);
        assertFalse(t.contains("OLD-77"), "only CRITICAL ones are listed; the workbook has the rest");
    }

    @Test
    void theSignOffSaysNoFindingWasReviewedOnlyWhileNoneIs() throws IOException {
        AuditResult base = ReportFixtures.audit(dir).toBuilder().reviews(AuditResult.Reviews.NONE)
                .events(org.alaraaudit.audit.aggregate.PeriodEvents.NONE).build();
        List<Finding> serious = base.findings().stream().filter(f -> f.severity().atLeast(Severity.MAJOR)).toList();
        String notice = "No CRITICAL or MAJOR finding of this period has been reviewed yet. Its " + serious.size()
                + " CRITICAL and MAJOR findings are all still open";
        String none = text(base);
        assertTrue(none.contains(notice), none);
        assertTrue(none.indexOf("alara-audit review import audit-2026-10.xlsx") > none.indexOf(notice), none);

        // Marked OPEN in the workbook is not a review: the notice stays.
        AuditResult.Review open = new AuditResult.Review(org.alaraaudit.model.ReviewStatus.OPEN, null, "Dr Rad", null);
        String marked = text(base.toBuilder().reviews(new AuditResult.Reviews(Map.of(serious.get(0).findingId(), open), List.of())).build());
        assertTrue(marked.contains(notice), marked);

        AuditResult.Review done = new AuditResult.Review(org.alaraaudit.model.ReviewStatus.ACTION_TAKEN, "protocol changed",
                "Dr Rad", LocalDate.of(2026, 11, 3));
        String one = text(base.toBuilder().reviews(new AuditResult.Reviews(Map.of(serious.get(0).findingId(), done), List.of())).build());
        assertFalse(one.contains("No CRITICAL or MAJOR finding of this period has been reviewed yet"), one);
        assertTrue(one.contains("Radiation safety officer"), "the signature lines, as always");
        // The statement signed follows: read only while nothing is reviewed, reviewed once something is.
        assertTrue(none.replaceAll("\\s+", " ").contains("We have read this report. Its CRITICAL and MAJOR findings are not yet reviewed"), none);
        assertFalse(none.contains("We have reviewed this report"), none);
        assertTrue(one.replaceAll("\\s+", " ").contains("We have reviewed this report and the actions proposed"), one);
    }
}

package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes real PDFs from a real audit and reads them back with PDFBox: what a reviewer would see. */
class PdfReportTest {
    @TempDir
    static Path dir;
    static AuditResult result;

    /**
     * A small month with something for every section: an adult protocol on a child (MAJOR), a dose above the
     * notification value, a pediatric repeat, an unmapped protocol, a rejected row and a duplicate.
     */
    @BeforeAll
    static void audit() {
        AuditFixture f = new AuditFixture();
        for (int i = 1; i <= 12; i++) {
            f.row("patient_id", "MRN" + i, "accession_number", "ACC" + i, "study_datetime", "2026-10-" + (10 + i % 15) + "T10:00:00");
        }
        f.row("patient_id", "MRN20", "accession_number", "ACC20", "protocol_name", "CHEST ROUTINE", "age_years", "7");
        // just below the pediatric limit: rounded, the age would read as the limit itself
        f.row("patient_id", "MRN26", "accession_number", "ACC26", "protocol_name", "CHEST ROUTINE", "age_years", "17.97");
        f.row("patient_id", "MRN21", "accession_number", "ACC21", "protocol_name", "PED HEAD 6-18Y", "target_region", "HEAD",
                "ctdivol_mgy", "95", "phantom", "16", "age_years", "9");
        f.row("patient_id", "MRN22", "accession_number", "ACC22", "study_datetime", "2026-10-20T08:00:00");
        f.row("patient_id", "MRN22", "accession_number", "ACC23", "study_datetime", "2026-10-20T20:00:00");
        f.row("patient_id", "MRN24", "accession_number", "ACC24", "protocol_name", "LOCAL ODD SCAN");
        f.row("patient_id", "MRN25", "accession_number", "ACC25", "ctdivol_mgy", "12,5O");
        f.row("patient_id", "MRN1", "accession_number", "ACC1", "study_datetime", "2026-10-11T10:00:00");
        result = f.audit(dir);
    }

    static Path write(String template) throws IOException {
        Path pdf = dir.resolve("audit-" + template + ".pdf");
        PdfReport.write(result, ReportTemplate.load(template), null, pdf);
        return pdf;
    }

    static String text(PDDocument doc) throws IOException {
        return new PDFTextStripper().getText(doc);
    }

    @Test
    void noHeaderWordIsBrokenAcrossLines() throws IOException {
        try (PDDocument doc = Loader.loadPDF(write("default").toFile())) {
            String t = text(doc).replaceAll("\\s+", " ");
            // the DRL table's narrow columns: "Studi" over "es" and "Rati" over "o" before headers were fitted
            assertTrue(t.contains("Facility Exam type Band Quantity Studies n Median 95 % CI P75 DRL Ratio Status Src"), t);
        }
    }

    @Test
    void theSignOffPageNamesTheAuditItSignsAndHowFarItsFindingsWereReviewed() throws IOException {
        try (PDDocument doc = Loader.loadPDF(write("default").toFile())) {
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(doc.getNumberOfPages());
            String page = last.getText(doc).replaceAll("\\s+", " ");
            assertTrue(page.contains("Review and sign-off"), page);
            assertTrue(page.contains("Rule set digest " + result.run().ruleSetDigest()), page);
            assertTrue(page.contains("Period " + result.run().period().from() + " to " + result.run().period().to()), page);
            assertTrue(page.contains(result.run().inputs().get(0).sha256().substring(0, 12)), "an input's digest: " + page);
            assertTrue(page.contains("Findings reviewed " + CoverPage.reviewCompletion(result)), page);
            assertTrue(page.contains("Actions agreed (what, who, by when)"), page);
        }
    }

    @Test
    void noReviewersNoteOfTheTablesReachesThePdfAndTheAlertValueIsCitedOneWay() throws IOException {
        try (PDDocument doc = Loader.loadPDF(write("default").toFile())) {
            String t = text(doc).replaceAll("\\s+", " ");
            // reference-status.md: notes such as "verify" stay in the tables and docs, never in the text of a PDF
            for (String note : List.of("not read", "provenance", "verify", "secondary quotation")) {
                assertFalse(t.toLowerCase(java.util.Locale.ROOT).contains(note), note);
            }
            assertTrue(t.contains("NEMA XR 25 Dose Check alert value for accumulated CTDIvol, as given by AAPM working-group material"), t);
            assertFalse(t.contains("accumulated CTDIvol (AAPM 2011)"), "the rule no longer credits the 2011 statement");
        }
    }

    @Test
    void anAgeJustBelowTheLimitIsCutNotRoundedUpToIt() throws IOException {
        try (PDDocument doc = Loader.loadPDF(write("default").toFile())) {
            String t = text(doc).replaceAll("\\s+", " ");
            assertTrue(t.contains("age 17.9 years"), "the measured age as the message gives it");
            assertFalse(t.contains("age 18 years"), "17.97 y shown as the limit");
        }
    }

    @Test
    void theDefaultReportHasEverySectionAndTheAuditsNumbers() throws IOException {
        try (PDDocument doc = Loader.loadPDF(write("default").toFile())) {
            String text = text(doc);
            for (String heading : List.of("Pediatric Dose Compliance Report", "Executive summary", "Charts",
                    "Diagnostic reference levels", "CRITICAL and MAJOR findings", "MINOR and INFO findings", "Repeat scans",
                    "Cumulative dose", "Data quality", "Methodology", "Review and sign-off", "Radiation safety officer",
                    "Reviewing medical physicist", "Input files")) {
                assertTrue(text.contains(heading), "missing: " + heading);
            }
            assertTrue(text.contains(result.run().inputs().get(0).sha256()), "input file digest on the cover");
            assertTrue(text.contains(result.run().ruleSetDigest()), "rule set digest on the cover");
            assertTrue(text.contains("Test Hospital"), "institution from the run");

            var rows = result.rows();
            assertTrue(rows.rejected() > 0 && rows.duplicate() > 0, "the fixture rejects and deduplicates a row");
            String flat = text.replaceAll("\\s+", " ");
            long periodRows = rows.audited() - result.rowsOutsidePeriod();
            assertTrue(flat.contains("Scope: the period's " + result.figures().studies() + " studies (" + periodRows
                    + " audited rows)"), flat);
            assertTrue(flat.contains("Over all input files " + rows.rejected() + " rows were rejected, " + rows.duplicate()
                    + " were duplicates and " + rows.excluded() + " quality-control or phantom scans"), flat);
            assertTrue(flat.contains("Read " + rows.read()) && flat.contains("Audited, of the period's studies " + periodRows)
                    && flat.contains("Rejected " + rows.rejected()), "row accounting table");

            long total = 0;
            for (Severity s : Severity.values()) {
                long n = result.findings().stream().filter(x -> x.severity() == s).count();
                assertEquals(n, result.figures().findingsBySeverity().getOrDefault(s.name(), 0L));
                assertTrue(flat.contains(s.name() + " " + n + " "), "severity count " + s + " " + n);
                total += n;
            }
            assertTrue(flat.contains("Total " + total), "total findings");

            // Every CRITICAL and MAJOR finding is listed by accession number.
            List<Finding> serious = result.findings().stream().filter(x -> x.severity().atLeast(Severity.MAJOR)).toList();
            assertFalse(serious.isEmpty());
            for (Finding x : serious) if (x.accessionNumber() != null) assertTrue(flat.contains(x.accessionNumber()), x.accessionNumber());
            assertTrue(flat.contains(RuleTitles.of(result.rules()).title("PEDIATRIC_ADULT_PROTOCOL")));
            assertFalse(flat.contains("PEDIATRIC_ADULT_PROTOCOL"), "rules by title, never by id");
            assertTrue(flat.contains("LOCAL ODD SCAN"), "unmapped protocol listed");

            // Pseudonyms, never patient ids.
            assertFalse(text.contains("MRN"), "a raw patient id leaked into the report");
            String pseudonym = result.findings().stream().filter(x -> x.ruleId().equals("REPEAT_STUDY")).map(Finding::patientRef)
                    .findFirst().orElseThrow();
            assertTrue(flat.contains(pseudonym), "repeat scans list the pseudonym");

            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 6 && pages <= 40, "pages: " + pages);
            assertTrue(flat.contains("Page 1 of " + pages) && flat.contains("Page " + pages + " of " + pages));
            assertEquals("Test Hospital", doc.getDocumentInformation().getAuthor());
            assertTrue(doc.getDocumentInformation().getTitle().startsWith("Pediatric Dose Compliance Report"));
            assertTrue(doc.getDocumentInformation().getSubject().contains(result.run().ruleSetDigest()));
        }
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        for (String template : List.of("default", "accreditation")) {
            try (PDDocument doc = Loader.loadPDF(write(template).toFile())) {
                List<PDFont> fonts = fontsEverywhere(doc);
                assertFalse(fonts.isEmpty());
                for (PDFont font : fonts) assertTrue(font.isEmbedded(), template + ": not embedded: " + font.getName());
                // PDF/A-1b identification travels in the XMP metadata.
                assertTrue(doc.getDocumentCatalog().getMetadata() != null, "XMP metadata");
                String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(xmp.contains("pdfaid:part") || xmp.contains("pdfaid"), "PDF/A identification");
            }
        }
    }

    @Test
    void theAccreditationTemplateLeavesOutPatientLevelLists() throws IOException {
        try (PDDocument doc = Loader.loadPDF(write("accreditation").toFile())) {
            String text = text(doc);
            String flat = text.replaceAll("\\s+", " ");
            assertTrue(text.contains("Pediatric Dose Compliance Report for Accreditation"));
            assertTrue(text.contains("CRITICAL and MAJOR findings") && text.contains("Methodology"));
            assertFalse(text.contains("Repeat scans") || text.contains("Cumulative dose") || text.contains("pseudonym)"));
            for (Finding x : result.findings()) {
                if (x.patientRef() != null) assertFalse(flat.contains(x.patientRef()), "pseudonym in accreditation report");
            }
            assertFalse(text.contains("MRN"));
            for (Finding x : result.findings()) {
                if (x.severity().atLeast(Severity.MAJOR) && x.accessionNumber() != null) assertTrue(flat.contains(x.accessionNumber()));
            }
        }
    }

    @Test
    void theInstitutionGivenOnTheCommandLineWins() throws IOException {
        Path pdf = dir.resolve("override.pdf");
        PdfReport.write(result, ReportTemplate.load("default"), "Hôpital Sainte-Élise", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(text(doc).contains("Hôpital Sainte-Élise"));
            assertEquals("Hôpital Sainte-Élise", doc.getDocumentInformation().getAuthor());
        }
    }

    /** Fonts of the pages and of the form XObjects inside them (charts, the page-total template). */
    static List<PDFont> fontsEverywhere(PDDocument doc) throws IOException {
        List<PDFont> out = new ArrayList<>();
        for (PDPage page : doc.getPages()) collect(page.getResources(), out, 0);
        return out;
    }

    private static void collect(PDResources res, List<PDFont> out, int depth) throws IOException {
        if (res == null || depth > 5) return;
        for (COSName n : res.getFontNames()) out.add(res.getFont(n));
        for (COSName n : res.getXObjectNames()) {
            PDXObject x = res.getXObject(n);
            if (x instanceof PDFormXObject form) collect(form.getResources(), out, depth + 1);
        }
    }
}

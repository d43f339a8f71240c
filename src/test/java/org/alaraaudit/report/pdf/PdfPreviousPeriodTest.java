package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.model.Finding;
import org.alaraaudit.report.ReportFixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Month-over-month change, the identifier-less notice and the repeat pairs, read back from the PDF with PDFBox. */
class PdfPreviousPeriodTest {
    @TempDir
    static Path dir;
    static AuditResult plain;

    @BeforeAll
    static void audit() {
        plain = ReportFixtures.audit(dir);
    }

    static String flatText(AuditResult r, String name) throws IOException {
        Path pdf = dir.resolve(name + ".pdf");
        PdfReport.write(r, ReportTemplate.load("default"), null, pdf);
        ReportFixtures.keep(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /** The change of two shares as printed with one decimal, in points. */
    static String points(double now, double before) {
        long d = Math.round(now * 1000) - Math.round(before * 1000);
        return (d >= 0 ? "+" : "-") + String.format(Locale.ROOT, "%.1f pts", Math.abs(d) / 10.0);
    }

    static String signed(long d) { return d == 0 ? "no change" : (d > 0 ? "+" : "-") + Math.abs(d); }

    @Test
    void theSummaryShowsPreviousValuesAndChanges() throws IOException {
        AuditResult r = ReportFixtures.withPrevious(plain);
        String flat = flatText(r, "previous").replace('\u2212', '-');
        ComplianceFigures f = r.figures();
        assertTrue(flat.contains("previous " + ReportFixtures.PREV_STUDIES + " (" + signed(f.studies() - ReportFixtures.PREV_STUDIES) + ")"), flat);
        assertTrue(flat.contains("previous " + ReportFixtures.PREV_PEDIATRIC + " (" + signed(f.pediatricStudies() - ReportFixtures.PREV_PEDIATRIC) + ")"));
        assertTrue(flat.contains("previous 50.0% (" + points(f.pediatricProtocolCompliance(), ReportFixtures.PREV_COMPLIANCE) + ")"), flat);
        assertTrue(flat.contains("previous 20.0% (" + points(f.repeatRate(), ReportFixtures.PREV_REPEAT_RATE) + ")"), flat);
        assertTrue(flat.contains("the previous period (2026-09-01 to 2026-09-30)"));
        assertFalse(flat.contains("No previous period is stored"));

        // MAJOR: count, per 100 studies, previous count, change
        long major = f.findingsBySeverity().getOrDefault("MAJOR", 0L);
        String per100 = String.format(Locale.ROOT, "%.1f", major * 100.0 / f.studies());
        assertTrue(flat.contains("MAJOR " + major + " " + per100 + " " + ReportFixtures.PREV_MAJOR + " "
                + signed(major - ReportFixtures.PREV_MAJOR)), flat);
        assertTrue(flat.contains("Change per 100"));

        // DRL: the matched group's previous median and ratio; the other facility's group matched nothing
        DrlGroup g = r.drlGroups().get(0);
        assertTrue(flat.contains("Change from the previous period"));
        // in the DRL table's own words, so the two tables do not read as two verdicts
        assertTrue(flat.contains(g.studies() + ", at or below " + g.studies() + ", at or below "), "n and status of both periods: " + flat);
        assertTrue(flat.contains(Text.value(ReportFixtures.PREV_DRL_MEDIAN, null) + " "
                + Text.number(g.ratio()) + " 0.42 "), flat);
        assertFalse(flat.contains("999") || flat.contains("9.99"), "a group of another facility was matched");
        assertFalse(flat.contains("?"), "a glyph the font lacks");
    }

    @Test
    void aStatusInTheNarrowNAndStatusColumnsIsNeverBrokenInsideAWord() throws IOException {
        var previous = ReportFixtures.previousPeriod(plain);
        DrlGroup g = previous.drlGroups().get(0);
        DrlGroup small = new DrlGroup(g.facility(), g.examType(), g.band(), g.quantity(), 8, g.median(), g.p75(), g.drl(), g.ratio(),
                "INSUFFICIENT_SAMPLE", g.source(), g.phantomCm(), 8, g.drlSet(), g.drlPhantomCm(), g.note(), g.examName(), null);
        var withSmall = new org.alaraaudit.audit.PreviousPeriod(previous.period(), previous.generatedAt(), previous.toolVersion(),
                previous.ruleSetDigest(), previous.figures(), java.util.List.of(small));
        Path pdf = dir.resolve("small-previous.pdf");
        PdfReport.write(ReportFixtures.copy(plain, withSmall, plain.findings(), plain.filesWithoutPatientIdentifiers()),
                ReportTemplate.load("default"), null, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.replaceAll("\\s+", " ").contains("8, insufficient sample"), text);
            assertFalse(text.contains("insufficien\n") || text.contains("insufficien\r"), "\"insufficien\" over \"t sample\"");
        }
    }

    @Test
    void withoutAHistoryStoreTheSummarySaysNoStoreWasUsedAndNotThatItHoldsNoPreviousPeriod() throws IOException {
        String flat = flatText(plain.toBuilder().previousPeriod(null).historyStoreRead(false).build(), "no-store");
        assertTrue(flat.contains("No history store was used for this run (--no-history, or a Spark run), so change from the"
                + " previous period is not shown."), flat);
        assertFalse(flat.contains("No earlier run") || flat.contains("month-over-month"), flat);
        assertFalse(flat.contains("Change from the previous period") || flat.contains("previous 1"));
    }

    @Test
    void withAStoreButNoRunOfTheSameLengthBeforeTheSummaryNamesThePeriodItLacks() throws IOException {
        String flat = flatText(plain.toBuilder().previousPeriod(null).historyStoreRead(true).build(), "no-previous");
        assertTrue(flat.contains("No earlier run of the same length is stored: the history store holds no run of these facilities"
                + " over the month before this period (" + java.time.YearMonth.from(plain.run().period().from()).minusMonths(1) + ")"), flat);
        assertFalse(flat.contains("No history store was used") || flat.contains("month-over-month"), flat);
        assertFalse(flat.contains("Change from the previous period") || flat.contains("previous 1"));
    }

    @Test
    void inputsWithoutPatientIdentifiersAreSaidToBeNotAssessable() throws IOException {
        AuditResult r = ReportFixtures.withoutPatientIdentifiers(plain);
        String flat = flatText(r, "no-ids");
        // Rules by their titles: the report prints no rule id.
        String repeat = RuleTitles.of(r.rules()).title("REPEAT_STUDY");
        String cumulative = RuleTitles.of(r.rules()).title("CUMULATIVE_DOSE");
        String sentence = repeat + " and " + cumulative + " are " + AuditResult.NO_PATIENT_ID + " (scan-log.csv)";
        int first = flat.indexOf(sentence);
        assertTrue(first >= 0, flat);
        assertTrue(flat.indexOf(sentence, first + 1) > first, "summary and data quality both say it");
        assertTrue(flat.contains(repeat + " is " + AuditResult.NO_PATIENT_ID + " (scan-log.csv)"));
        assertTrue(flat.contains(cumulative + " is " + AuditResult.NO_PATIENT_ID + " (scan-log.csv)"));
        assertFalse(flat.contains("REPEAT_STUDY") || flat.contains("CUMULATIVE_DOSE"), "no raw rule id");
        assertFalse(flat.contains("No patient reached a cumulative-dose threshold"));
        assertFalse(flat.contains("Patient (pseudonym)"), "no empty repeat or cumulative table");

        assertFalse(flatText(plain, "with-ids").contains(AuditResult.NO_PATIENT_ID));
    }

    @Test
    void theRepeatListingNamesTheEarlierStudy() throws IOException {
        Finding repeat = plain.findings().stream().filter(x -> x.ruleId().equals("REPEAT_STUDY")).findFirst().orElseThrow();
        String flat = flatText(plain, "repeats");
        assertTrue(flat.contains("Earlier study"));
        assertTrue(flat.contains(repeat.accessionNumber() + " 2026-10-20 18:30 " + repeat.relatedAccessionNumber()), flat);
    }
}

package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample month's PDF read back as a reviewer reads its words: a measured value says its quantity once, one
 * quantity is written with one precision wherever it is quoted, and a sign-off page says when nothing was reviewed.
 */
class SampleMonthPdfWordingTest {
    /** The whole report's text, runs of white space as one space: each page's paragraphs, then its tables. */
    static String text;
    /** The same read as the pages are laid out, top to bottom, without any white space (bold titles come out kerned apart). */
    static String laidOut;

    /** The sample month's PDF, made once for the tests that read it. */
    @BeforeAll
    static void report() throws IOException {
        try (PDDocument d = Loader.loadPDF(SampleMonthPdf.file().toFile())) {
            text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            PDFTextStripper byPosition = new PDFTextStripper();
            byPosition.setSortByPosition(true);
            laidOut = byPosition.getText(d).replaceAll("\\s+", "");
        }
    }

    @Test
    void aDeviationIndexIsWrittenWithItsSignAndWithoutAUnitAfterItsName() {
        // The sample's two children's radiographs above the investigation level, DI 4.2114 and 4.09, against +3.
        assertTrue(text.contains("deviation index +4.21 +3 [17]") && text.contains("deviation index +4.09 +3 [17]"),
                () -> around("ABDOMEN UPRIGHT"));
        assertTrue(text.contains("deviation index +4.21 (from EI and target EI) above +3: overexposure to investigate"),
                () -> "the rule's own words give the index as the columns do: " + around("ABDOMEN UPRIGHT"));
        Matcher twice = Pattern.compile("\\d DI\\b").matcher(text);
        assertFalse(twice.find(), () -> "DI after a number: ..." + text.substring(Math.max(0, twice.start() - 80), twice.end() + 40));
    }

    @Test
    void aDrlGroupJudgedAgainstADrlForExamsWithoutContrastSaysSoWhereverItIsNamed() {
        // County General's chest CTs of 5-<10 y: median CTDIvol 3.27 mGy against the Kanal 2022 DRL of 2.5 mGy,
        // which is for chest CT without contrast; the with-contrast chest-abdomen-pelvis groups say theirs.
        assertTrue(text.contains("at County General for CT CHEST without contrast, 5-<10 y"), () -> around("3.27"));
        assertTrue(text.contains("CT CHEST ABDOMEN PELVIS with contrast"), () -> around("ABDOMEN PELVIS"));
        // The methodology's table of DRL rows gives contrast in a column of its own ("CT CHEST 5-<10 y without 32 cm").
        Matcher bare = Pattern.compile("CT CHEST (?!without|ABDOMEN|\\(contrast)\\d+-<\\d+ y(?! (without|with) \\d+ cm)").matcher(text);
        assertFalse(bare.find(), () -> "a chest group named without its contrast: ..."
                + text.substring(Math.max(0, bare.start() - 80), Math.min(text.length(), bare.end() + 80)));
    }

    /**
     * A bound is printed as the audit applies it, wherever it is quoted: the catalog's lower end of 1.075 mGy is 1.075 in
     * the methodology's table and in the findings that cite it, and a DRL of 11 mGy is "11", not "11.0".
     */
    @Test
    void aCatalogBoundAndADrlReadTheSameInTheirTableAndInTheFindingsThatQuoteThem() {
        assertTrue(text.contains("1.075\u20134.3"), () -> around("Ranges in mGy"));
        assertFalse(text.contains("1.08\u20134.3"), "no range rounded to three figures");
        assertTrue(text.contains("exceeds the US DRL of 11 mGy (ratio"), () -> around("exceeds the US DRL of 11"));
        assertFalse(java.util.regex.Pattern.compile("DRL of \\d+\\.0 ").matcher(text).find(), "no DRL with a decimal it does not have");
        assertTrue(java.util.regex.Pattern.compile("75th percentile \\d+\\.\\d\\d (mGy|mGy·cm)[;)]").matcher(text).find(), "a unit after the 75th percentile");
    }

    @Test
    void aChildsAgeIsCutToOneDecimalInEveryTableSoOneChildReadsAsOne() {
        // County General's 13.98-year-old over the cumulative marrow level is 13.9 in the findings list: so in the
        // cumulative dose table too (cut, never rounded, as everywhere: 17.97 is not 18).
        assertFalse(Pattern.compile("\\b\\d{1,2}\\.\\d{2} y County General").matcher(text).find(), () -> around("cumulative red marrow"));
        assertTrue(text.contains("13.9 County General"), () -> around("cumulative red marrow"));
    }

    @Test
    void theRatioChartSaysWhatItLeavesOutAsItChoosesItByExamTypeAndBandNotByGroup() {
        // A category is kept for its highest ratio, and then shows every facility's, low ones too.
        assertTrue(text.contains("exam types and bands whose highest ratio at any facility is lowest; each one drawn shows every"
                + " such facility's ratio"), () -> around("Ratio = facility median / DRL"));
        // A facility below the minimum sample has no bar, and the caption says so (a reader seeing none assumes all is well).
        assertTrue(text.contains("Drawn: the groups with at least 10 studies, the minimum sample a median is judged on; a facility"
                + " with fewer has no bar."), () -> around("Ratio = facility median / DRL"));
        assertFalse(text.contains("groups with the lowest ratios are left out"));
    }

    @Test
    void everyReferenceAirKermaAndPeakSkinDoseIsAWholeNumberOfMgyAsTheTablesRoundThem() {
        Matcher m = Pattern.compile("(Ka,r|peak skin dose) (\\d+(?:\\.\\d+)?) mGy").matcher(text);
        List<String> quoted = new ArrayList<>();
        List<String> mixed = new ArrayList<>();
        while (m.find()) {
            quoted.add(m.group());
            // Three significant figures, whole units kept: every value from 100 mGy up is a whole number.
            if (Double.parseDouble(m.group(2)) >= 100 && m.group(2).contains(".")) mixed.add(m.group());
        }
        assertTrue(quoted.size() >= 12, "the sample's three procedures, in the incidents and the skin follow-up list: " + quoted);
        assertEquals(List.of(), mixed);
        assertTrue(text.contains("substantial radiation dose level: Ka,r 5408 mGy, peak skin dose 2975 mGy"),
                "the Ka,r of 5408.2 mGy as the Measured column gives it");
    }

    @Test
    void aSignOffWithNoFindingReviewedSaysSoAndHowToRecordReviewsBeforeItsSignatureLines() {
        String signOff = laidOut.substring(laidOut.lastIndexOf("Reviewandsign-off"));
        int notice = signOff.indexOf("NoCRITICALorMAJORfindingofthisperiodhasbeenreviewedyet.");
        int signature = signOff.indexOf("RadiationsafetyofficerNameDateSignatureComments");
        assertTrue(notice > 0 && signature > notice, signOff);
        assertTrue(signOff.indexOf("alara-auditreviewimportaudit-2026-10.xlsx") > notice, "the command to run: " + signOff);
        assertTrue(signOff.contains("review_status"), "the workbook's column, as it is headed: " + signOff);
        assertTrue(signOff.contains("ReviewingmedicalphysicistNameDateSignatureComments"), "the page is still signed, as read: " + signOff);
        assertTrue(signOff.contains("Wehavereadthisreport.ItsCRITICALandMAJORfindingsarenotyetreviewed"), "what is signed is what was done");
        assertFalse(signOff.contains("Wehavereviewedthisreport"), "never the statement of reviewed findings: " + signOff);
    }

    @Test
    void theTypicalValuesTableGivesEveryFacilitysChildrenFirstWhenItCannotListThemAll() {
        String table = text.substring(text.indexOf("Typical values (ICRP 135)"), text.indexOf("further typical values are in the workbook"));
        assertTrue(table.contains("St Elsewhere Children's radiography") || table.contains("St Elsewhere Children's fluoroscopy"),
                "the second facility is listed too: " + table);
        assertTrue(table.contains("County General radiography"), table);
        assertFalse(table.contains(" adult "), "the 40 rows go to children's bands before adults': " + table);
        assertTrue(table.contains("Listed: the values judged against a DRL, then children's, each facility's in turn."), table);
    }

    /** The text around the first place a string is, for a failure's message: the whole report would drown it. */
    private static String around(String what) {
        int at = Math.max(0, text.indexOf(what));
        return "..." + text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 400)) + "...";
    }
}

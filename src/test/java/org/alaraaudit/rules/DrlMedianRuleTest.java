package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DRL_MEDIAN_EXCEEDED and the drl_groups table: US set, CT CHEST 5-<10 y, DRL 2.5 mGy / 70 mGy·cm on 32 cm. */
class DrlMedianRuleTest {
    @TempDir
    Path dir;

    /** {@code n} one-acquisition chest studies without contrast of different 8-year-olds, from patient number {@code from}. */
    private static AuditFixture chestStudies(AuditFixture f, int from, int n, String ctdivol, String dlp, String phantom) {
        for (int i = from; i < from + n; i++) {
            f.row("patient_id", "P" + i, "accession_number", "A" + i, "study_datetime", "2026-10-" + String.format("%02d", 1 + i % 28) + "T10:00:00",
                    "ctdivol_mgy", ctdivol, "dlp_mgycm", dlp, "phantom", phantom, "contrast", "no");
        }
        return f;
    }

    private static DrlGroup group(AuditResult r, String facility, String quantity, int phantom) {
        return r.drlGroups().stream().filter(g -> g.facility().equals(facility) && g.quantity().equals(quantity)
                && g.phantomCm() == phantom && g.examType().equals("CT CHEST")).findFirst().orElseThrow();
    }

    @Test
    void nineStudiesAreAnInsufficientSampleAndAreNotJudged() {
        AuditResult r = chestStudies(new AuditFixture(), 0, 9, "3.0", "90", "32").audit(dir);
        DrlGroup g = group(r, "General", "CTDIvol", 32);
        assertEquals("INSUFFICIENT_SAMPLE", g.status());
        assertEquals(9, g.n());
        assertEquals(9, g.studies());
        assertEquals(3.0, g.median());
        assertEquals(2.5, g.drl());
        assertEquals(1.2, g.ratio(), 1e-9);
        assertTrue(AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED").isEmpty());
    }

    @Test
    void tenStudiesAboveTheDrlAreReportedOncePerQuantity() {
        AuditResult r = chestStudies(new AuditFixture(), 0, 10, "3.0", "90", "32").audit(dir);
        assertEquals("ABOVE", group(r, "General", "CTDIvol", 32).status());
        assertEquals("ABOVE", group(r, "General", "DLP", 32).status());
        List<Finding> f = AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED");
        assertEquals(2, f.size());
        Finding ctdi = f.stream().filter(x -> x.quantity().equals("median CTDIvol")).findFirst().orElseThrow();
        assertEquals(3.0, ctdi.measuredValue());
        assertEquals(2.5, ctdi.referenceValue());
        assertEquals("mGy", ctdi.unit());
        assertEquals("MAJOR", ctdi.severity().name());
        assertEquals("General", ctdi.facility());
        assertNull(ctdi.accessionNumber(), "a DRL finding is on the group, not on a study");
        assertEquals(10, ctdi.inputLines().size());
        assertTrue(ctdi.referenceSource().startsWith("Kanal"), ctdi.referenceSource());
        assertTrue(ctdi.message().contains("for CT CHEST without contrast, 5-<10 y"), ctdi.message());
        // The id is still made of the exam type without its contrast, so reviews of earlier months carry over.
        String period = "2026-10-01..2026-10-31";
        assertEquals(FindingCollector.id("DRL_MEDIAN_EXCEEDED", "General", "US", "CT CHEST", "5-<10 y", "CTDIvol", "32", period),
                ctdi.findingId());
    }

    /** Ten chest studies of 8-year-olds, one CTDIvol each; the median's 95 % interval of 10 lies between the 2nd and 9th. */
    private AuditResult tenWithSecondLowest(String second) {
        String[] ctdivol = {"1.0", second, "2.6", "2.6", "2.7", "2.7", "2.8", "2.9", "3.0", "3.1"};
        AuditFixture f = new AuditFixture();
        for (int i = 0; i < ctdivol.length; i++) chestStudies(f, i, 1, ctdivol[i], "60", "32");
        return f.audit(dir);
    }

    private static Finding ctdivolFinding(AuditResult r) {
        return AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED").stream().filter(x -> x.quantity().equals("median CTDIvol"))
                .findFirst().orElseThrow();
    }

    @Test
    void aMedianAboveTheDrlWhoseIntervalReachesDownToItSaysTheSampleMayExplainIt() {
        // Median 2.7 against the DRL of 2.5; the interval's low end, the 2nd value, exactly at the DRL.
        AuditResult r = tenWithSecondLowest("2.5");
        DrlGroup g = group(r, "General", "CTDIvol", 32);
        assertEquals("ABOVE", g.status(), "the verdict stays the median's");
        assertEquals(2.5, g.medianInterval().low());
        assertEquals(3.0, g.medianInterval().high());
        String m = ctdivolFinding(r).message();
        assertTrue(m.contains("the median's 95 % confidence interval 2.50-3.00 mGy reaches down to the DRL, so this period's mix"
                + " of patients alone may explain the excess"), m);
    }

    @Test
    void aMedianAboveTheDrlWhoseWholeIntervalIsAboveItSaysSo() {
        AuditResult r = tenWithSecondLowest("2.51");
        assertEquals(2.51, group(r, "General", "CTDIvol", 32).medianInterval().low());
        String m = ctdivolFinding(r).message();
        assertTrue(m.contains("the median's 95 % confidence interval 2.51-3.00 mGy lies wholly above the DRL"), m);
    }

    @Test
    void aMedianJustAboveTheDrlReadsApartFromIt() {
        // Median 2.501 against 2.5: "2.501", ratio "1.0004", never "2.50 exceeds 2.5 (ratio 1.00)".
        AuditResult r = chestStudies(new AuditFixture(), 0, 10, "2.501", "60", "32").audit(dir);
        String m = ctdivolFinding(r).message();
        assertTrue(m.startsWith("median CTDIvol 2.501 mGy") && m.contains("(ratio 1.0004;"), m);
        assertTrue(m.contains("interval 2.501-2.50"), "its low end too: " + m);
    }

    @Test
    void aPerfusionStudyIsLeftOutOfTheRoutineExamsDrlGroup() {
        AuditFixture f = chestStudies(new AuditFixture(), 0, 10, "2.5", "70", "32");
        f.row("patient_id", "PX", "accession_number", "AX", "study_datetime", "2026-10-15T10:00:00", "protocol_name",
                "PED CHEST PERFUSION", "acquisition_type", "STATIONARY", "ctdivol_mgy", "40", "dlp_mgycm", "900",
                "phantom", "32", "contrast", "no");
        AuditResult r = f.audit(dir);
        assertEquals(10, group(r, "General", "CTDIvol", 32).studies(), "the perfusion study is not in the group");
        assertEquals("BELOW", group(r, "General", "DLP", 32).status());
    }

    @Test
    void aMedianExactlyAtTheDrlHasNotExceededIt() {
        AuditResult r = chestStudies(new AuditFixture(), 0, 10, "2.5", "70", "32").audit(dir);
        assertEquals("BELOW", group(r, "General", "CTDIvol", 32).status());
        assertEquals("BELOW", group(r, "General", "DLP", 32).status());
        assertEquals(1.0, group(r, "General", "CTDIvol", 32).ratio(), 1e-12);
        assertTrue(AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED").isEmpty());
    }

    @Test
    void aMedianJustAboveTheDrlExceedsIt() {
        AuditFixture f = chestStudies(new AuditFixture(), 0, 5, "2.5", "50", "32");
        AuditResult r = chestStudies(f, 5, 5, "2.52", "50", "32").audit(dir);
        DrlGroup g = group(r, "General", "CTDIvol", 32);
        assertEquals(2.51, g.median(), 1e-9);
        assertEquals("ABOVE", g.status());
        assertEquals(1, AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED").size());
    }

    @Test
    void valuesOnTheOtherPhantomAreAGroupOfTheirOwnAndNeverCompared() {
        AuditFixture f = chestStudies(new AuditFixture(), 0, 10, "2.0", "50", "32");
        AuditResult r = chestStudies(f, 10, 10, "6.0", "150", "16").audit(dir);
        DrlGroup body = group(r, "General", "CTDIvol", 32);
        assertEquals(10, body.n());
        assertEquals(2.0, body.median(), "the 16 cm values are not mixed into the 32 cm median");
        assertEquals("BELOW", body.status());
        DrlGroup head = group(r, "General", "CTDIvol", 16);
        assertEquals("NOT_COMPARABLE", head.status());
        assertEquals(32, head.drlPhantomCm());
        assertNull(head.ratio());
        assertTrue(head.note().contains("not compared"), head.note());
        assertEquals("NOT_COMPARABLE", group(r, "General", "DLP", 16).status());
        assertTrue(AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED").isEmpty());
    }

    @Test
    void aStudyWithEventsOnBothPhantomsGivesNoComparableDlp() {
        AuditFixture f = chestStudies(new AuditFixture().defaults("contrast", "no"), 0, 10, "3.0", "90", "32");
        f.row("patient_id", "PX", "accession_number", "AX", "ctdivol_mgy", "3.0", "dlp_mgycm", "90", "phantom", "16",
                "event_uid", "1.2.3.2");
        f.row("patient_id", "PX", "accession_number", "AX", "ctdivol_mgy", "3.0", "dlp_mgycm", "90", "phantom", "32",
                "event_uid", "1.2.3.1");
        AuditResult r = f.audit(dir);
        assertEquals(10, group(r, "General", "DLP", 32).n());
        DrlGroup mixed = group(r, "General", "DLP", 16);
        assertEquals("NOT_COMPARABLE", mixed.status());
        assertTrue(mixed.note().contains("both phantoms"), mixed.note());
    }

    @Test
    void dlpIsOneValuePerStudyTotalledOverTheRegion() {
        AuditFixture f = new AuditFixture().defaults("contrast", "no");
        for (int i = 0; i < 10; i++) {
            String p = "P" + i;
            f.row("patient_id", p, "accession_number", "A" + i, "acquisition_type", "CONSTANT_ANGLE", "ctdivol_mgy", "0.1",
                    "dlp_mgycm", "2", "event_uid", "u" + i + ".0");
            f.row("patient_id", p, "accession_number", "A" + i, "ctdivol_mgy", "2.0", "dlp_mgycm", "40", "event_uid", "u" + i + ".1");
            f.row("patient_id", p, "accession_number", "A" + i, "ctdivol_mgy", "2.0", "dlp_mgycm", "40", "event_uid", "u" + i + ".2");
        }
        AuditResult r = f.audit(dir);
        DrlGroup ctdi = group(r, "General", "CTDIvol", 32);
        assertEquals(20, ctdi.n(), "one CTDIvol per diagnostic acquisition, localizers left out");
        assertEquals(10, ctdi.studies());
        assertEquals("BELOW", ctdi.status());
        DrlGroup dlp = group(r, "General", "DLP", 32);
        assertEquals(10, dlp.n());
        assertEquals(82.0, dlp.median(), 1e-9, "two 40 mGy·cm acquisitions and a 2 mGy·cm localizer per study");
        assertEquals("ABOVE", dlp.status());
        List<Finding> found = AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED");
        assertEquals(1, found.size());
        assertEquals("median DLP", found.get(0).quantity());
    }

    @Test
    void groupsArePerFacility() {
        AuditFixture f = chestStudies(new AuditFixture(), 0, 5, "3.0", "90", "32");
        f.defaults("facility", "Other");
        AuditResult r = chestStudies(f, 5, 5, "3.0", "90", "32").audit(dir);
        assertEquals("INSUFFICIENT_SAMPLE", group(r, "General", "CTDIvol", 32).status());
        assertEquals("INSUFFICIENT_SAMPLE", group(r, "Other", "CTDIvol", 32).status());
        assertTrue(AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED").isEmpty());
    }

    @Test
    void adultsAndStudiesOutsideThePeriodDoNotEnterTheChildrensGroups() {
        AuditFixture f = chestStudies(new AuditFixture(), 0, 9, "3.0", "90", "32");
        f.row("patient_id", "ADULT", "accession_number", "AD", "age_years", "40");
        f.row("patient_id", "EARLIER", "accession_number", "E1", "study_datetime", "2026-09-10T10:00:00");
        AuditResult r = f.audit(dir);
        DrlGroup children = r.drlGroups().stream().filter(g -> g.band().equals("5-<10 y") && g.quantity().equals("CTDIvol"))
                .findFirst().orElseThrow();
        assertEquals(9, children.studies());
        DrlGroup adults = r.drlGroups().stream().filter(g -> g.band().startsWith("adult") && g.quantity().equals("CTDIvol"))
                .findFirst().orElseThrow();
        assertEquals(1, adults.studies(), "the adult is judged in the adult band of its own");
        assertTrue(AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED").isEmpty());
    }

    @Test
    void theEuropeanSetGroupsBodyExamsByWeight() {
        AuditFixture f = new AuditFixture().drlSet("EU").defaults("weight_kg", "20");
        AuditResult r = chestStudies(f, 0, 10, "3.0", "60", "32").audit(dir);
        DrlGroup g = group(r, "General", "CTDIvol", 32);
        assertEquals("EU", g.drlSet());
        assertEquals("15-<30 kg", g.band());
        assertEquals(2.7, g.drl());
        assertEquals("ABOVE", g.status());
        assertEquals("BELOW", group(r, "General", "DLP", 32).status());
        assertEquals(1, AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED").size());
    }
}

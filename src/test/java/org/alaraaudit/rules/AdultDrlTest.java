package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adult practice judged too: the ACR-AAPM adult CT DRLs of the US set (head 56, chest 12, abdomen-pelvis 16 mGy). */
class AdultDrlTest {
    @TempDir
    Path dir;

    /** {@code n} adult head CTs of different patients on the 16 cm phantom, each with one acquisition. */
    private static AuditFixture adultHeads(int n, String ctdivol) {
        AuditFixture f = new AuditFixture().defaults("age_years", "45", "weight_kg", "80", "protocol_name", "ADULT HEAD ROUTINE",
                "target_region", "HEAD", "phantom", "16", "kvp", "120", "dlp_mgycm", "900");
        for (int i = 0; i < n; i++) {
            f.row("patient_id", "AD" + i, "accession_number", "AH" + i,
                    "study_datetime", "2026-10-" + String.format("%02d", 1 + i) + "T10:00:00", "ctdivol_mgy", ctdivol);
        }
        return f;
    }

    private static DrlGroup adultHead(AuditResult r) {
        return r.drlGroups().stream().filter(g -> g.examType().equals("CT HEAD") && g.quantity().equals("CTDIvol")
                && g.band().startsWith("adult")).findFirst().orElseThrow(() -> new AssertionError(r.drlGroups().toString()));
    }

    @Test
    void adultHeadsFormADrlGroupAgainstTheAdultLevel() {
        AuditResult r = adultHeads(10, "50").audit(dir);
        DrlGroup g = adultHead(r);
        assertEquals(56.0, g.drl());
        assertEquals(16, g.drlPhantomCm());
        assertEquals("BELOW", g.status());
        assertEquals(10, g.studies());
        assertTrue(AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED").isEmpty());
    }

    @Test
    void anAdultGroupAboveTheAdultLevelWithTheMinimumSampleIsAFinding() {
        AuditResult r = adultHeads(10, "60").audit(dir);
        assertEquals("ABOVE", adultHead(r).status());
        List<Finding> f = AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED");
        assertEquals(1, f.size(), "CTDIvol only: the adult rows give no DLP");
        assertEquals(56.0, f.get(0).referenceValue());
        assertTrue(f.get(0).message().contains("adult (18 y and over)"), f.get(0).message());
        assertTrue(f.get(0).referenceSource().contains("ACR-AAPM"), f.get(0).referenceSource());
    }

    @Test
    void nineAdultStudiesAreNotJudged() {
        AuditResult r = adultHeads(9, "60").audit(dir);
        assertEquals("INSUFFICIENT_SAMPLE", adultHead(r).status());
        assertTrue(AuditFixture.findings(r, "DRL_MEDIAN_EXCEEDED").isEmpty());
    }

    @Test
    void anAdultIsNeverJudgedAgainstAPediatricBandThatIsOpenUpwards() {
        // EU RP 185 gives head ">=6 y" without an upper age: meant for children, and it has no adult rows
        AuditResult r = adultHeads(10, "60").drlSet("EU").audit(dir);
        assertTrue(r.drlGroups().isEmpty(), r.drlGroups().toString());
    }
}

package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEDIATRIC_HIGH_KVP (120 kVp, under 45 kg, under 10 y when weight unknown) and PEDIATRIC_BODY_32CM_PHANTOM. */
class PediatricTechniqueRuleTest {
    @TempDir
    Path dir;

    private List<Finding> kvp(String... row) {
        return AuditFixture.findings(new AuditFixture().row(row).audit(dir), "PEDIATRIC_HIGH_KVP");
    }

    private List<Finding> phantom(String... row) {
        return AuditFixture.findings(new AuditFixture().row(row).audit(dir), "PEDIATRIC_BODY_32CM_PHANTOM");
    }

    @Test
    void oneHundredTwentyKvpOnASmallChildsChestFires() {
        List<Finding> f = kvp("kvp", "120", "weight_kg", "25");
        assertEquals(1, f.size());
        assertEquals(120.0, f.get(0).measuredValue());
        assertEquals(120.0, f.get(0).referenceValue());
        assertEquals("kV", f.get(0).unit());
        assertEquals("MINOR", f.get(0).severity().name());
        assertTrue(f.get(0).referenceSource().contains("Image Gently"), f.get(0).referenceSource());
    }

    @Test
    void justBelowOneHundredTwentyKvpDoesNot() { assertTrue(kvp("kvp", "119", "weight_kg", "25").isEmpty()); }

    @Test
    void theWeightLimitExcludesFortyFiveKg() {
        assertEquals(1, kvp("kvp", "120", "weight_kg", "44.9").size());
        assertTrue(kvp("kvp", "120", "weight_kg", "45").isEmpty());
    }

    @Test
    void withoutAWeightTheAgeDecides() {
        assertEquals(1, kvp("kvp", "140", "weight_kg", "", "age_years", "9.9").size());
        assertTrue(kvp("kvp", "140", "weight_kg", "", "age_years", "10").isEmpty());
    }

    @Test
    void aKnownWeightWinsOverTheAge() {
        assertEquals(1, kvp("kvp", "120", "weight_kg", "40", "age_years", "12").size());
        assertTrue(kvp("kvp", "120", "weight_kg", "50", "age_years", "8").isEmpty());
    }

    @Test
    void headsLocalizersAndAdultsAreNotJudged() {
        assertTrue(kvp("kvp", "120", "target_region", "HEAD", "protocol_name", "PED HEAD 6-18Y", "phantom", "16").isEmpty());
        assertTrue(kvp("kvp", "120", "acquisition_type", "CONSTANT_ANGLE").isEmpty());
        assertTrue(kvp("kvp", "120", "age_years", "30", "weight_kg", "40", "protocol_name", "CHEST ROUTINE").isEmpty());
    }

    @Test
    void aChildsBodyCtdivolOnThe32cmPhantomGivesTheSsde() {
        // AAPM 204, 32 cm: f(20 cm) = 3.704369 exp(-0.03671937 x 20) = 1.777; x 2.0 mGy = 3.55 mGy
        List<Finding> f = phantom("effective_diameter_cm", "20");
        assertEquals(1, f.size());
        assertEquals("INFO", f.get(0).severity().name());
        assertEquals(1.0, f.get(0).measuredValue(), "one study");
        assertNull(f.get(0).referenceValue());
        assertTrue(f.get(0).message().contains("median SSDE 3.6 mGy"), f.get(0).message());
        assertTrue(f.get(0).referenceSource().contains("AAPM Report 204"), f.get(0).referenceSource());
    }

    @Test
    void anExportedSsdeIsQuotedAsExported() {
        List<Finding> f = phantom("ssde_mgy", "4.4");
        assertTrue(f.get(0).message().contains("median SSDE 4.4 mGy"), f.get(0).message());
    }

    @Test
    void withoutASizeTheSsdeIsNotComputedNorGuessedFromAge() {
        List<Finding> f = phantom();
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("SSDE not computed"), f.get(0).message());
    }

    @Test
    void sixteenCmHeadsAndAdultsAreNotFlagged() {
        assertTrue(phantom("phantom", "16").isEmpty());
        assertTrue(phantom("target_region", "HEAD", "protocol_name", "PED HEAD 6-18Y", "phantom", "32").isEmpty());
        assertTrue(phantom("age_years", "30", "protocol_name", "CHEST ROUTINE").isEmpty());
        assertTrue(phantom("acquisition_type", "CONSTANT_ANGLE").isEmpty());
    }

    @Test
    void theBoundaryOfPediatricIsTheRunsLimit() {
        AuditResult r = new AuditFixture().pediatricAge(21).row("age_years", "19", "weight_kg", "", "kvp", "120").audit(dir);
        assertEquals(1, AuditFixture.findings(r, "PEDIATRIC_BODY_32CM_PHANTOM").size());
        assertTrue(AuditFixture.findings(r, "PEDIATRIC_HIGH_KVP").isEmpty(), "19 y is over the 10 y age limit");
    }
}

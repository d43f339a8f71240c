package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NONIONIZING_ALTERNATIVE: tables/nonionizing-alternatives.csv matched in indication and study description. */
class NonionizingAlternativeRuleTest {
    @TempDir
    Path dir;

    private List<Finding> found(String... row) {
        return AuditFixture.findings(new AuditFixture().defaults("protocol_name", "PED ABD 5-10Y", "target_region",
                "ABDOMEN_PELVIS").row(row).audit(dir), "NONIONIZING_ALTERNATIVE");
    }

    @Test
    void theIndicationMatchesIgnoringCase() {
        List<Finding> f = found("indication", "Suspected APPENDICITIS, RLQ pain");
        assertEquals(1, f.size());
        assertEquals("MINOR", f.get(0).severity().name());
        assertEquals("ACC1", f.get(0).accessionNumber());
        assertTrue(f.get(0).message().contains("US"), f.get(0).message());
        assertTrue(f.get(0).referenceSource().contains("ACR Appropriateness Criteria"), f.get(0).referenceSource());
    }

    @Test
    void theStudyDescriptionMatchesToo() {
        assertEquals(1, found("study_description", "CT abdomen r/o intussusception").size());
    }

    @Test
    void theMessageQuotesOnlyTheWordsTheTableMatched() {
        List<Finding> ind = found("indication", "Suspected APPENDICITIS, mother reports sibling had it last spring");
        assertTrue(ind.get(0).message().startsWith("indication 'APPENDICITIS': "), ind.get(0).message());
        assertFalse(ind.get(0).message().contains("sibling"), ind.get(0).message());
        List<Finding> desc = found("study_description", "CT abdomen r/o Intussusception, see referral letter");
        assertTrue(desc.get(0).message().startsWith("study description 'Intussusception': "), desc.get(0).message());
        assertFalse(desc.get(0).message().contains("referral"), desc.get(0).message());
    }

    @Test
    void aPatternOfSeveralPiecesQuotesEachMatchedPieceAndNothingBetween() {
        org.alaraaudit.model.Glob g = new org.alaraaudit.model.Glob("*pyloric*stenosis*");
        assertEquals("Pyloric ... STENOSIS", g.matchedPieces("r/o Pyloric hypertrophic STENOSIS, baby of J. Doe"));
        assertEquals(null, g.matchedPieces("stenosis pyloric"), "no match, nothing quoted");
        assertEquals("ct HEAD", new org.alaraaudit.model.Glob("CT head").matchedPieces(" ct HEAD "), "as written in the value");
    }

    @Test
    void aStudyMatchingTwoEntriesGetsOneFinding() {
        List<Finding> f = found("indication", "appendicitis vs intussusception", "study_description", "pyloric stenosis?");
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("appendicitis"), "the first entry of the table wins: " + f.get(0).message());
    }

    @Test
    void noMatchNoFinding() {
        assertTrue(found("indication", "blunt abdominal trauma").isEmpty());
        assertTrue(found("indication", "").isEmpty());
    }

    @Test
    void adultsAndOtherModalitiesAreNotFlagged() {
        assertTrue(found("indication", "appendicitis", "age_years", "30", "protocol_name", "ABD PELVIS ROUTINE").isEmpty());
        assertTrue(found("indication", "appendicitis", "modality", "DX", "protocol_name", "", "ctdivol_mgy", "",
                "dlp_mgycm", "", "dap_gycm2", "0.1", "acquisition_type", "", "phantom", "").isEmpty());
    }

    @Test
    void anEntryWithAnAgeLimitAppliesOnlyBelowIt() {
        assertEquals(1, found("indication", "non-bilious vomiting", "age_years", "0.2", "weight_kg", "5").size());
        assertTrue(found("indication", "non-bilious vomiting", "age_years", "0.25", "weight_kg", "5").isEmpty());
    }
}

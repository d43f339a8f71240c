package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows grouped on disk keep their texts whole, as the rows kept in memory do, whatever their length. */
class SpilledLongTextTest {
    @TempDir
    Path dir;

    /** A 100,000-character indication whose only justification keyword comes after the first 20,000 characters. */
    private static String longIndication() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 99_900) sb.append("clinical history of the patient, ");
        sb.setLength(99_900);
        sb.append(" suspected appendicitis");
        while (sb.length() < 100_000) sb.append('.');
        return sb.toString();
    }

    private AuditFixture fixture(String indication, String description) {
        return new AuditFixture().defaults("protocol_name", "PED ABD 5-10Y", "target_region", "ABDOMEN_PELVIS",
                        "ctdivol_mgy", "3", "dlp_mgycm", "100", "indication", indication, "study_description", description)
                .row("patient_id", "P1", "accession_number", "A1", "event_uid", "1")
                .row("patient_id", "P2", "accession_number", "A2", "event_uid", "2")
                .row("patient_id", "P3", "accession_number", "A3", "event_uid", "3");
    }

    private static List<String> described(List<Finding> findings) {
        return findings.stream().map(f -> f.findingId() + " " + f.ruleId() + " " + f.accessionNumber() + " " + f.message()).toList();
    }

    @Test
    void aRunGivesTheSameFindingsWhetherOrNotItSpilledForAHundredThousandCharacterIndication() {
        String indication = longIndication();
        String description = "CT ABDOMEN " + "X".repeat(70_000) + " W CONTRAST";
        AuditResult inMemory = fixture(indication, description).audit(dir);
        AuditResult spilled = fixture(indication, description).inMemoryLimit(1).audit(dir);
        List<Finding> justified = AuditFixture.findings(inMemory, "NONIONIZING_ALTERNATIVE");
        assertEquals(3, justified.size(), "the keyword at character 99,901 is read in memory");
        assertEquals(described(inMemory.findings().stream().toList()), described(spilled.findings().stream().toList()));
        assertEquals(inMemory.drlGroups(), spilled.drlGroups());
    }

    @Test
    void shortTextsGiveTheSameFindingsSpilledAndNot() {
        AuditResult inMemory = fixture("suspected appendicitis", "CT ABDOMEN").audit(dir);
        AuditResult spilled = fixture("suspected appendicitis", "CT ABDOMEN").inMemoryLimit(1).audit(dir);
        assertEquals(described(inMemory.findings().stream().toList()), described(spilled.findings().stream().toList()));
    }
}

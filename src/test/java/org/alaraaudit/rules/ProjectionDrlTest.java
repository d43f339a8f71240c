package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ProjectionFigures;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Radiography and fluoroscopy typical values judged against the site's DAP DRLs (tables/projection-drl.csv) with
 * the minimum sample of the CT comparison: a median above the DRL with enough studies is one finding; at the DRL,
 * below it, or with too few studies it is a status of the typical value only. The rows are the test's own: the tool
 * ships none.
 */
public class ProjectionDrlTest {
    static final String RULE = RuleIds.DAP_DRL_MEDIAN_EXCEEDED;

    /** Line 2 onwards; each row serves one test below. */
    public static final String TABLE = String.join("\n",
            "drl_set,kind,exam,band_type,band,age_min_years,age_max_years,weight_min_kg,weight_max_kg,dap_gycm2,source,status,verified_by,verified_on,notes",
            ",radiography,CHEST PA,age,5-<10 y,5,10,,,0.05,Test national DRL A (chest),secondary,,,",
            ",radiography,ABDOMEN AP,weight,15-<30 kg,,,15,30,0.5,Test national DRL B (abdomen),unverified,Dr Test,2026-11-01,",
            ",fluoroscopy,*VCUG*,age,1-<5 y,1,5,,,1.0,Test national DRL C (VCUG),secondary,,,",
            "EU,radiography,CHEST PA,age,10-<15 y,10,15,,,0.01,Test EU DRL (chest),secondary,,,",
            ",radiography,PELVIS AP,age,>=5 y,5,,,,0.1,Test DRL open upwards (pelvis),secondary,,,") + "\n";

    @TempDir
    static Path shared;

    static RuleSet rules;

    @TempDir
    Path dir;

    @BeforeAll
    static void rulesWithTheTestsDrlRows() throws IOException {
        Path copy = org.alaraaudit.AuditFixture.copyDefaultRules(shared.resolve("rules"));
        Files.writeString(copy.resolve("tables").resolve(ProjectionReferenceLevels.FILE), TABLE, StandardCharsets.UTF_8);
        rules = RuleSet.load(copy);
    }

    /** {@code studies} chest PA radiographs of 7-year-olds at General, one patient each, all at {@code dap}. */
    private static AuditFixture chest(int studies, String dap) {
        AuditFixture f = radiographs();
        for (int i = 0; i < studies; i++) {
            f.row("patient_id", "C" + i, "accession_number", "X" + i, "study_datetime", "2026-10-" + String.format("%02d", i + 1) + "T10:00:00",
                    "dap_gycm2", dap);
        }
        return f;
    }

    private static AuditFixture radiographs() {
        return new AuditFixture().rules(rules).defaults("modality", "DX", "station_name", "DX1", "protocol_name", "PED CHEST PA",
                "acquisition_type", "", "target_region", "", "ctdivol_mgy", "", "phantom", "", "dlp_mgycm", "",
                "body_part", "CHEST", "view", "PA", "age_years", "7", "weight_kg", "22");
    }

    private static ProjectionFigures.TypicalValue typical(AuditResult r, String exam, String band) {
        return r.projection().typicalValues().stream().filter(v -> v.exam().equals(exam) && v.band().equals(band))
                .findFirst().orElseThrow(() -> new AssertionError(exam + " " + band + " in " + r.projection().typicalValues()));
    }

    @Test
    void aMedianJustAboveTheDrlWithTheMinimumSampleIsOneFindingWithItsDrlAndSource() {
        AuditResult r = chest(10, "0.0501").audit(dir);
        ProjectionFigures.TypicalValue v = typical(r, "CHEST PA", "5-<10 y");
        assertEquals("ABOVE", v.status());
        assertEquals(10, v.studies());
        assertEquals(0.05, v.drlDapGycm2());
        assertEquals("Test national DRL A (chest)", v.drlSource());
        assertEquals("CHEST PA, 5-<10 y", v.drlRow());
        assertEquals("from a secondary source", v.drlStanding());
        List<Finding> found = AuditFixture.findings(r, RULE);
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals(0.0501, f.measuredValue(), 1e-12);
        assertEquals(0.05, f.referenceValue());
        assertEquals("Gy·cm²", f.unit());
        assertEquals("median DAP per exposure", f.quantity());
        assertEquals("Test national DRL A (chest)", f.referenceSource());
        assertEquals("drl_group", f.scope());
        assertEquals("General", f.facility());
        assertNull(f.accessionNumber(), "a group finding is on no one study");
        assertEquals(10, f.inputLines().size(), "it rests on every value of the group");
        assertTrue(f.message().contains("median DAP per exposure 0.0501 Gy·cm² at General for radiography CHEST PA, 5-<10 y (10 values from 10 studies)"
                + " exceeds the DRL of 0.05 Gy·cm² (ratio 1.00; DRL CHEST PA, 5-<10 y, from a secondary source)"), f.message());
    }

    @Test
    void aMedianExactlyAtTheDrlHasNotExceededIt() {
        AuditResult r = chest(10, "0.05").audit(dir);
        assertEquals("BELOW", typical(r, "CHEST PA", "5-<10 y").status());
        assertEquals(List.of(), AuditFixture.findings(r, RULE));
    }

    @Test
    void aMedianJustBelowTheDrlIsBelow() {
        AuditResult r = chest(10, "0.0499").audit(dir);
        ProjectionFigures.TypicalValue v = typical(r, "CHEST PA", "5-<10 y");
        assertEquals("BELOW", v.status());
        assertEquals(0.998, v.ratio(), 1e-9);
        assertEquals(List.of(), AuditFixture.findings(r, RULE));
    }

    @Test
    void oneStudyFewerThanTheMinimumSampleIsListedAsInsufficientAndNotJudged() {
        AuditResult r = chest(9, "0.2").audit(dir);
        ProjectionFigures.TypicalValue v = typical(r, "CHEST PA", "5-<10 y");
        assertEquals("INSUFFICIENT_SAMPLE", v.status());
        assertEquals(false, v.enoughForDrl());
        assertNull(v.ratio(), "a group too small to judge has no ratio to present");
        assertEquals("insufficient sample: 9 studies, fewer than 10; not judged", v.comparison(10));
        assertEquals(List.of(), AuditFixture.findings(r, RULE));

        AuditResult atMinimum = chest(10, "0.2").audit(dir);
        assertEquals("ABOVE", typical(atMinimum, "CHEST PA", "5-<10 y").status());
        assertEquals(1, AuditFixture.findings(atMinimum, RULE).size());
    }

    @Test
    void theMinimumSampleCountsStudiesNotExposures() {
        // Nine children, one of them with a second chest PA: ten values, nine studies.
        AuditResult r = chest(9, "0.2").row("patient_id", "C0", "accession_number", "X0", "study_datetime", "2026-10-01T10:00:00",
                "event_datetime", "2026-10-01T10:30:00", "dap_gycm2", "0.2").audit(dir);
        ProjectionFigures.TypicalValue v = typical(r, "CHEST PA", "5-<10 y");
        assertEquals(10, v.count());
        assertEquals(9, v.studies());
        assertEquals("INSUFFICIENT_SAMPLE", v.status());
        assertEquals(List.of(), AuditFixture.findings(r, RULE));
    }

    @Test
    void anExamWithoutADrlRowKeepsItsAgeBandAndIsNeverJudged() {
        AuditFixture f = radiographs();
        for (int i = 0; i < 12; i++) {
            f.row("patient_id", "H" + i, "accession_number", "H" + i, "body_part", "HAND", "view", "PA", "dap_gycm2", "9");
        }
        AuditResult r = f.audit(dir);
        ProjectionFigures.TypicalValue v = typical(r, "HAND PA", "5-10 y");
        assertEquals("NO_DRL", v.status());
        assertNull(v.drlDapGycm2());
        assertNull(v.drlSource());
        assertEquals("no DRL row for this exam and band", v.comparison(10));
        assertEquals(List.of(), AuditFixture.findings(r, RULE));
    }

    @Test
    void aWeightBandTakesOnlyPatientsWithAKnownWeightInIt() {
        AuditFixture f = radiographs().defaults("body_part", "ABDOMEN", "view", "AP");
        for (int i = 0; i < 10; i++) f.row("patient_id", "A" + i, "accession_number", "A" + i, "dap_gycm2", "0.6");
        f.row("patient_id", "NW", "accession_number", "NW", "weight_kg", "", "dap_gycm2", "0.6");
        AuditResult r = f.audit(dir);
        ProjectionFigures.TypicalValue banded = typical(r, "ABDOMEN AP", "15-<30 kg");
        assertEquals(10, banded.studies());
        assertEquals("ABOVE", banded.status());
        assertEquals("confirmed by Dr Test on 2026-11-01", banded.drlStanding(), "the site's confirmation, not the default status");
        ProjectionFigures.TypicalValue noWeight = typical(r, "ABDOMEN AP", "5-10 y");
        assertEquals(1, noWeight.studies());
        assertEquals("NO_DRL", noWeight.status());
        assertEquals(1, AuditFixture.findings(r, RULE).size());
    }

    @Test
    void fluoroscopyIsJudgedPerProcedureOnTheSumOfItsRuns() {
        AuditFixture f = new AuditFixture().rules(rules).defaults("modality", "RF", "station_name", "RF1", "protocol_name", "PED VCUG",
                "acquisition_type", "", "target_region", "", "ctdivol_mgy", "", "phantom", "", "dlp_mgycm", "", "age_years", "3",
                "weight_kg", "14");
        for (int i = 0; i < 10; i++) {
            // two runs of 0.6 Gy·cm²: 1.2 per procedure, above the DRL of 1.0, though each run is below it
            f.row("patient_id", "V" + i, "accession_number", "V" + i, "event_datetime", "2026-10-10T10:00:00", "dap_gycm2", "0.6")
                    .row("patient_id", "V" + i, "accession_number", "V" + i, "event_datetime", "2026-10-10T10:05:00", "dap_gycm2", "0.6");
        }
        AuditResult r = f.audit(dir);
        ProjectionFigures.TypicalValue v = typical(r, "PED VCUG", "1-<5 y");
        assertEquals("fluoroscopy", v.kind());
        assertEquals(1.2, v.medianDapGycm2(), 1e-12);
        assertEquals("ABOVE", v.status());
        List<Finding> found = AuditFixture.findings(r, RULE);
        assertEquals(1, found.size());
        assertEquals("median DAP per procedure", found.get(0).quantity());
        assertEquals(20, found.get(0).inputLines().size());
    }

    @Test
    void aRowOfAnotherDrlSetIsNotUsed() {
        AuditFixture f = radiographs().defaults("age_years", "12", "weight_kg", "40");
        for (int i = 0; i < 10; i++) f.row("patient_id", "E" + i, "accession_number", "E" + i, "dap_gycm2", "0.02");
        AuditResult us = f.audit(dir);
        assertEquals("NO_DRL", typical(us, "CHEST PA", "10-15 y").status());
        assertEquals(List.of(), AuditFixture.findings(us, RULE));
        AuditResult eu = f.drlSet("EU").audit(dir);
        ProjectionFigures.TypicalValue v = typical(eu, "CHEST PA", "10-<15 y");
        assertEquals("set EU, CHEST PA, 10-<15 y", v.drlRow());
        assertEquals(1, AuditFixture.findings(eu, RULE).size());
    }

    @Test
    void anAdultIsNotJudgedAgainstAPediatricBandOpenUpwards() {
        AuditFixture f = radiographs().defaults("body_part", "PELVIS", "view", "AP", "age_years", "40", "weight_kg", "80");
        for (int i = 0; i < 10; i++) f.row("patient_id", "P" + i, "accession_number", "P" + i, "dap_gycm2", "2");
        f.defaults("age_years", "6", "weight_kg", "20");
        for (int i = 0; i < 10; i++) f.row("patient_id", "Q" + i, "accession_number", "Q" + i, "dap_gycm2", "2");
        AuditResult r = f.audit(dir);
        assertEquals("NO_DRL", typical(r, "PELVIS AP", "adult").status());
        assertEquals("ABOVE", typical(r, "PELVIS AP", ">=5 y").status());
        assertEquals(1, AuditFixture.findings(r, RULE).size());
    }

    @Test
    void theShippedTableHasItsHeaderAndNoValues() {
        assertEquals(List.of(), AuditFixture.DEFAULT_RULES.tables().projectionLevels().levels(),
                "no radiography or fluoroscopy DRL with a source was found: none ships");
        AuditResult r = chest(10, "5").rules(AuditFixture.DEFAULT_RULES).audit(dir);
        assertEquals("NO_DRL", typical(r, "CHEST PA", "5-10 y").status());
        assertEquals(List.of(), AuditFixture.findings(r, RULE));
    }
}

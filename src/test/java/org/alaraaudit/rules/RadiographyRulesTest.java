package org.alaraaudit.rules;

import static org.alaraaudit.AuditFixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Adult technique on a child, the deviation-index action levels and retakes, each at its edges. */
class RadiographyRulesTest {
    @TempDir
    Path dir;

    private static AuditFixture radiographs(String age) {
        return new AuditFixture().defaults("age_years", age, "modality", "DX", "station_name", "DX1",
                "protocol_name", "PED CHEST PA", "acquisition_type", "", "target_region", "", "ctdivol_mgy", "",
                "phantom", "", "dlp_mgycm", "", "dap_gycm2", "0.05", "body_part", "CHEST", "view", "PA");
    }

    private List<Finding> deviation(String age, String di) {
        return findings(radiographs(age).row("deviation_index", di).audit(dir), "EXPOSURE_INDEX_OUT_OF_RANGE");
    }

    @ParameterizedTest(name = "age {0}, DI {1}: {2}")
    @CsvSource({
            "8,3.01,MAJOR", "8,3,MINOR", "8,1.01,MINOR",
            "40,3.01,MINOR", "40,3,INFO", "40,1.01,INFO",
            "8,-1.01,INFO", "8,-3,INFO", "8,-3.01,MINOR", "40,-3.01,MINOR"})
    void aDeviationIndexBeyondAnActionLevelIsAFindingAndAChildsOverexposureRanksHigher(String age, String di, Severity severity) {
        List<Finding> f = deviation(age, di);
        assertEquals(1, f.size(), f.toString());
        assertEquals(severity, f.get(0).severity());
        assertEquals(Double.parseDouble(di), f.get(0).measuredValue());
    }

    @ParameterizedTest(name = "DI {0} is within the action levels")
    @CsvSource({"1", "0", "-1"})
    void aDeviationIndexAtAnActionLevelIsNoFinding(String di) {
        assertEquals(List.of(), deviation("8", di));
        assertEquals(List.of(), deviation("40", di));
    }

    @Test
    void theDeviationIndexIsComputedFromTheExposureIndexWhenNotExported() {
        List<Finding> f = findings(radiographs("8").row("exposure_index", "1000", "target_exposure_index", "400").audit(dir),
                "EXPOSURE_INDEX_OUT_OF_RANGE");
        assertEquals(Severity.MAJOR, f.get(0).severity(), "a child");
        assertEquals(3.98, f.get(0).measuredValue(), 0.005, "10·log10(1000 / 400)");
        assertTrue(f.get(0).message().contains("from EI and target EI"), f.get(0).message());
    }

    @Test
    void aChildsRadiographWithAnAdultProtocolIsAFindingAndAChildsOwnProtocolIsNot() {
        AuditResult r = radiographs("17.9").row("accession_number", "ADULT", "protocol_name", "CHEST PA ADULT")
                .row("patient_id", "MRN2", "accession_number", "CHILD").audit(dir);
        List<Finding> f = findings(r, "PEDIATRIC_ADULT_RADIOGRAPHY_PROTOCOL");
        assertEquals(1, f.size());
        assertEquals("ADULT", f.get(0).accessionNumber());
        assertEquals(Severity.MAJOR, f.get(0).severity());
        assertEquals(List.of(), findings(radiographs("18").row("protocol_name", "CHEST PA ADULT").audit(dir),
                "PEDIATRIC_ADULT_RADIOGRAPHY_PROTOCOL"), "an adult");
    }

    private List<Finding> retake(String firstAt, String secondAt, String secondView, int inMemoryLimit) {
        return findings(radiographs("8").inMemoryLimit(inMemoryLimit)
                .row("accession_number", "XR1", "study_datetime", "2026-10-10T10:00:00", "event_datetime", firstAt)
                .row("accession_number", "XR1", "study_datetime", "2026-10-10T10:00:00", "event_datetime", secondAt, "view", secondView)
                .audit(dir), "RADIOGRAPH_RETAKE");
    }

    @Test
    void theSameViewAgainWithinTheWindowIsARetakeAndJustAfterItIsNot() {
        List<Finding> f = retake("2026-10-10T10:00:00", "2026-10-10T10:15:00", "PA", 250_000);
        assertEquals(1, f.size());
        assertEquals(15.0, f.get(0).measuredValue());
        assertTrue(f.get(0).message().contains("CHEST PA exposed again 15 min"), f.get(0).message());
        assertEquals(List.of(), retake("2026-10-10T10:00:00", "2026-10-10T10:15:01", "PA", 250_000));
        assertEquals(List.of(), retake("2026-10-10T10:00:00", "2026-10-10T10:01:00", "LAT", 250_000), "another view");
    }

    @Test
    void aRetakeIsFoundAlsoWhenTheRowsWereSpilledToDisk() {
        assertEquals(1, retake("2026-10-10T10:00:00", "2026-10-10T10:05:00", "pa", 1).size());
    }

    @Test
    void threeExposuresOfOneViewAreTwoRetakes() {
        AuditResult r = radiographs("8").row("event_datetime", "2026-10-10T10:00:00")
                .row("event_datetime", "2026-10-10T10:02:00").row("event_datetime", "2026-10-10T10:04:00").audit(dir);
        assertEquals(2, findings(r, "RADIOGRAPH_RETAKE").size());
    }
}

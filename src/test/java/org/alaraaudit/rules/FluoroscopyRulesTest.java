package org.alaraaudit.rules;

import static org.alaraaudit.AuditFixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Ka,r notifications, the substantial radiation dose level and the historic 15 Gy level, at their edges. */
class FluoroscopyRulesTest {
    @TempDir
    Path dir;

    private AuditResult procedure(String kar, String psd) {
        return new AuditFixture().defaults("age_years", "60", "modality", "RF", "station_name", "RF1",
                "protocol_name", "CORONARY", "acquisition_type", "", "target_region", "", "ctdivol_mgy", "",
                "phantom", "", "dlp_mgycm", "", "dap_gycm2", "120", "fluoro_time_s", "900")
                .row("ka_r_mgy", kar, "peak_skin_dose_mgy", psd).audit(dir);
    }

    @ParameterizedTest(name = "Ka,r {0} mGy: {1} notifications")
    @CsvSource({"2999.9,0", "3000,1", "3999.9,1", "4000,2", "5200,3"})
    void eachFurtherGrayOfReferenceAirKermaIsOneMoreNotification(String kar, int notifications) {
        List<Finding> f = findings(procedure(kar, ""), "FLUORO_KAR_NOTIFICATION");
        assertEquals(notifications == 0 ? 0 : 1, f.size());
        if (notifications > 0) {
            assertTrue(f.get(0).message().contains(notifications + " notification"), f.get(0).message());
            assertEquals(3000.0 + (notifications - 1) * 1000.0, f.get(0).referenceValue());
        }
    }

    @ParameterizedTest(name = "Ka,r {0}, peak skin dose {1}: substantial {2}")
    @CsvSource({"4999.9,,false", "5000,,true", "1000,2999.9,false", "1000,3000,true"})
    void theSubstantialRadiationDoseLevelIsFiveGrayKarOrThreeGraySkinDose(String kar, String psd, boolean reached) {
        List<Finding> f = findings(procedure(kar, psd == null ? "" : psd), "FLUORO_SUBSTANTIAL_DOSE");
        assertEquals(reached ? 1 : 0, f.size());
        if (reached) assertTrue(f.get(0).message().contains("check the skin at 2 to 4 weeks"), f.get(0).message());
    }

    @Test
    void theKarOfAllEventsAndBothPlanesIsThePatientsProcedureTotal() {
        AuditResult r = new AuditFixture().defaults("age_years", "9", "modality", "RF", "station_name", "RF1",
                "protocol_name", "CARDIAC CATH", "acquisition_type", "", "target_region", "", "ctdivol_mgy", "",
                "phantom", "", "dlp_mgycm", "", "dap_gycm2", "40")
                .row("ka_r_mgy", "2500", "plane", "A").row("ka_r_mgy", "2500", "plane", "B").audit(dir);
        List<Finding> f = findings(r, "FLUORO_SUBSTANTIAL_DOSE");
        assertEquals(1, f.size());
        assertEquals(5000.0, f.get(0).measuredValue());
    }

    @Test
    void onlyAPeakSkinDoseReachesTheHistoricLevelAndItIsLabelledHistoric() {
        assertEquals(List.of(), findings(procedure("16000", ""), "FLUORO_HISTORIC_SKIN_DOSE_LEVEL"));
        assertEquals(List.of(), findings(procedure("9000", "14999.9"), "FLUORO_HISTORIC_SKIN_DOSE_LEVEL"));
        List<Finding> f = findings(procedure("9000", "15000"), "FLUORO_HISTORIC_SKIN_DOSE_LEVEL");
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("historic"), f.get(0).message());
    }
}

package org.alaraaudit.dosimetry;

import static org.alaraaudit.model.TargetRegion.ABDOMEN;
import static org.alaraaudit.model.TargetRegion.ABDOMEN_PELVIS;
import static org.alaraaudit.model.TargetRegion.CHEST;
import static org.alaraaudit.model.TargetRegion.CHEST_ABDOMEN_PELVIS;
import static org.alaraaudit.model.TargetRegion.HEAD;
import static org.alaraaudit.model.TargetRegion.NECK;
import static org.alaraaudit.model.TargetRegion.PELVIS;
import static org.alaraaudit.model.TargetRegion.WHOLE_BODY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Optional;

import org.alaraaudit.model.TargetRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EffectiveDoseTest {

    private final EffectiveDose dose = new EffectiveDose(ShippedTables.kFactors());

    private EffectiveDoseEstimate estimate(TargetRegion region, double age, double dlp, int phantom) {
        return dose.estimate(region, age, dlp, phantom).orElseThrow();
    }

    @Test
    void fiveYearOldChestOn32cmIsConvertedTo16cmBeforeK() {
        EffectiveDoseEstimate e = estimate(CHEST, 5, 50, 32);
        assertEquals(50 * 2.5 * 0.018, e.msv(), 1e-12); // 2.25 mSv
        assertEquals(0.018, e.k());
        assertEquals(KFactorTable.DEFAULT_DATASET, e.dataset());
        assertTrue(e.assumption().contains("50 mGy·cm on the 32 cm phantom × 2.5"), e.assumption());
        assertTrue(e.assumption().contains("= 125 mGy·cm on 16 cm"), e.assumption());
        assertTrue(e.assumption().contains("(5 y coefficient; patient 5 y, band 3-<7.5 y)"), e.assumption());
    }

    @Test
    void adultChestOn32cmIsUsedAsLogged() {
        EffectiveDoseEstimate e = estimate(CHEST, 40, 400, 32);
        assertEquals(5.6, e.msv(), 1e-12);
        assertTrue(e.assumption().contains("used as logged"), e.assumption());
    }

    @Test
    void pediatricBodyDlpAlreadyOn16cmIsUsedAsLogged() {
        assertEquals(125 * 0.018, estimate(CHEST, 5, 125, 16).msv(), 1e-12);
    }

    @Test
    void adultBodyDlpOn16cmIsDividedByTheFactor() {
        assertEquals(1000 / 2.5 * 0.015, estimate(ABDOMEN_PELVIS, 30, 1000, 16).msv(), 1e-12);
    }

    @Test
    void headUses16cmDlp() {
        assertEquals(500 * 0.0067, estimate(HEAD, 1, 500, 16).msv(), 1e-12);
        assertEquals(900 * 0.0021, estimate(HEAD, 18, 900, 16).msv(), 1e-12);
    }

    @Test
    void headDlpOnTheBodyPhantomIsNotConverted() {
        assertEquals(Optional.empty(), dose.estimate(HEAD, 5, 300, 32));
    }

    @Test
    void conversionFactorIsConfigurable() {
        EffectiveDose twoFold = new EffectiveDose(ShippedTables.kFactors(), new PhantomConversion(2.0));
        assertEquals(50 * 2.0 * 0.018, twoFold.estimate(CHEST, 5, 50, 32).orElseThrow().msv(), 1e-12);
    }

    /** Nearest tabulated age (0, 1, 5, 10); adult only from 18. */
    @ParameterizedTest(name = "age {0} -> chest k {1}")
    @CsvSource({"0,0.039", "0.49,0.039", "0.5,0.026", "2.99,0.026", "3,0.018", "7.49,0.018", "7.5,0.013",
                "17.99,0.013", "18,0.014", "90,0.014"})
    void ageBandEdges(double age, double k) {
        assertEquals(k, estimate(CHEST, age, 100, 16 * (age >= 18 ? 2 : 1)).k());
    }

    @ParameterizedTest(name = "{0} -> k {2} at age {1}")
    @CsvSource({"ABDOMEN,10,0.015", "PELVIS,1,0.030", "ABDOMEN_PELVIS,0,0.049", "CHEST_ABDOMEN_PELVIS,5,0.019",
                "WHOLE_BODY,1,0.028", "HEAD,10,0.0032"})
    void regionMapping(TargetRegion region, double age, double k) {
        assertEquals(k, estimate(region, age, 100, region == HEAD ? 16 : 32).k());
    }

    @Test
    void borrowedRegionsSaySo() {
        assertTrue(estimate(PELVIS, 10, 100, 32).assumption().contains("used for a pelvis-only scan"));
        assertTrue(estimate(WHOLE_BODY, 10, 100, 32).assumption().contains("trunk k"));
        assertTrue(!estimate(ABDOMEN_PELVIS, 10, 100, 32).assumption().contains("used for"));
    }

    @Test
    void neckOnlyForAdults() {
        assertEquals(300 * 0.0059, estimate(NECK, 18, 300, 32).msv(), 1e-12);
        assertEquals(Optional.empty(), dose.estimate(NECK, 17.99, 300, 32));
        assertEquals(Optional.empty(), dose.estimate(NECK, 5, 300, 32));
    }

    @ParameterizedTest
    @EnumSource(value = TargetRegion.class, names = {"SPINE", "EXTREMITY", "OTHER"})
    void regionsWithoutCoefficientsAreNotEstimated(TargetRegion region) {
        assertEquals(Optional.empty(), dose.estimate(region, 30, 300, 32));
        assertEquals(Optional.empty(), dose.estimate(region, 5, 300, 32));
    }

    @Test
    void unusableInputsAreNotEstimated() {
        assertEquals(Optional.empty(), dose.estimate(null, 5, 50, 32));
        assertEquals(Optional.empty(), dose.estimate(CHEST, -1, 50, 32));
        assertEquals(Optional.empty(), dose.estimate(CHEST, Double.NaN, 50, 32));
        assertEquals(Optional.empty(), dose.estimate(CHEST, 5, Double.NaN, 32));
        assertEquals(Optional.empty(), dose.estimate(CHEST, 5, -1, 32));
        assertEquals(Optional.empty(), dose.estimate(CHEST, 5, 50, 24));
    }

    @Test
    void nciDatasetIsSelectableButGivesNoEstimateUntilItsPhantomIsStated() {
        KFactorTable nci = ShippedTables.kFactors("NCI_ED103_120kVp");
        assertEquals("NCI_ED103_120kVp", nci.dataset());
        assertEquals(0.024, nci.find("chest", 5).orElseThrow().k());
        assertEquals(0.0121, nci.find("chest", 12.5).orElseThrow().k());
        assertEquals(0.0168, nci.find("chest", 12.49).orElseThrow().k());
        assertEquals(0.021, nci.find("chest", 18).orElseThrow().k());
        assertEquals(Optional.empty(), new EffectiveDose(nci).estimate(CHEST, 5, 50, 32));
    }

    @Test
    void anotherDatasetWithStatedPhantomsIsUsedOnItsOwn() {
        String csv = String.join("\n", "dataset,region,coefficient_age,age_min_years,age_max_years,k_msv_per_mgycm,dlp_phantom_cm,source",
                "A,chest,5,0,,0.5,32,test", "B,chest,5,0,,0.001,16,test", "");
        KFactorTable b = KFactorTable.read(new StringReader(csv), "k.csv", "B");
        EffectiveDoseEstimate e = new EffectiveDose(b).estimate(CHEST, 5, 10, 32).orElseThrow();
        assertEquals(10 * 2.5 * 0.001, e.msv(), 1e-12);
        assertEquals("B", e.dataset());
    }
}

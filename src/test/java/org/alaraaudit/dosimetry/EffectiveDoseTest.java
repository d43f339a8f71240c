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
        assertEquals(50 * 2.0 * 0.018, e.msv(), 1e-12); // 1.8 mSv
        assertEquals(0.018, e.k());
        assertEquals(KFactorTable.DEFAULT_DATASET, e.dataset());
        assertTrue(e.assumption().contains("50 mGy·cm on the 32 cm phantom × 2 (16/32 cm ratio of local policy, the low end of the 2.00-2.11 AAPM Report 204 implies"), e.assumption());
        assertTrue(e.assumption().contains("= 100 mGy·cm on 16 cm"), e.assumption());
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
        assertEquals(1000 / 2.0 * 0.015, estimate(ABDOMEN_PELVIS, 30, 1000, 16).msv(), 1e-12);
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
        EffectiveDose larger = new EffectiveDose(ShippedTables.kFactors(), new PhantomConversion(2.5));
        assertEquals(50 * 2.5 * 0.018, larger.estimate(CHEST, 5, 50, 32).orElseThrow().msv(), 1e-12);
    }

    /** Nearest tabulated age (0, 1, 5, 10, adult counted as 18): band edges halfway, at 0.5, 3, 7.5 and 14 y. */
    @ParameterizedTest(name = "age {0} -> chest k {1}")
    @CsvSource({"0,0.039", "0.49,0.039", "0.5,0.026", "2.99,0.026", "3,0.018", "7.49,0.018", "7.5,0.013",
                "13.99,0.013", "14,0.014", "17.99,0.014", "18,0.014", "90,0.014"})
    void kIsThatOfTheNearestTabulatedAgeWithEdgesHalfwayBetweenAges(double age, double k) {
        assertEquals(k, estimate(CHEST, age, 100, 16 * (age >= 14 ? 2 : 1)).k());
    }

    /**
     * The same 32 cm body DLP the day before and on a band edge, or the 18th birthday, must not change the
     * estimate by more than the published coefficients differ between two of their own tabulated ages (on one
     * phantom): it jumped 2.3-2.5 times at 18 when the 10 y coefficient took a 2.5-scaled DLP up to 17.99 y.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TargetRegion.class, names = {"HEAD", "CHEST", "ABDOMEN_PELVIS", "CHEST_ABDOMEN_PELVIS"})
    void neighbouringAgesNeverDifferMoreThanTheTableBetweenItsOwnAges(TargetRegion region) {
        int phantom = region == HEAD ? 16 : 32;
        double largestTableStep = 0;
        double[] tabulated = {0, 1, 5, 10, 18};
        for (int i = 1; i < tabulated.length; i++) {
            double a = estimate(region, tabulated[i - 1], 100, phantom).msv();
            double b = estimate(region, tabulated[i], 100, phantom).msv();
            largestTableStep = Math.max(largestTableStep, Math.max(a / b, b / a));
        }
        for (double edge : new double[]{0.5, 3, 7.5, 14, 18}) {
            double before = estimate(region, edge - 0.001, 100, phantom).msv();
            double at = estimate(region, edge, 100, phantom).msv();
            double step = Math.max(before / at, at / before);
            assertTrue(step <= largestTableStep + 1e-9, region + " at " + edge + " y steps " + step + " > " + largestTableStep);
        }
        assertEquals(estimate(region, 17.999, 100, phantom).msv(), estimate(region, 18, 100, phantom).msv(), 1e-12,
                "nothing changes at the pediatric limit");
    }

    @ParameterizedTest(name = "{0} -> k {2} at age {1}")
    @CsvSource({"ABDOMEN,10,0.015", "PELVIS,1,0.030", "ABDOMEN_PELVIS,0,0.049", "CHEST_ABDOMEN_PELVIS,5,0.019",
                "WHOLE_BODY,1,0.028", "HEAD,10,0.0032"})
    void everyScannedRegionTakesTheKOfTheTabulatedRegionItMapsTo(TargetRegion region, double age, double k) {
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
        assertEquals(300 * 0.0059, estimate(NECK, 14, 300, 32).msv(), 1e-12);
        assertEquals(Optional.empty(), dose.estimate(NECK, 13.99, 300, 32));
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
    void theNciDatasetOnceItsPhantomIsStatedGivesEstimatesOnItsOwnBands() {
        String csv = String.join("\n", "dataset,region,coefficient_age,age_min_years,age_max_years,k_msv_per_mgycm,dlp_phantom_cm,source",
                "N,chest,15,12.5,16.5,0.0121,16,test", "N,chest,adult,16.5,,0.021,32,test", "");
        KFactorTable nci = KFactorTable.read(new StringReader(csv), "k.csv", "N");
        assertEquals(0.0121 * 100 * 2.0, new EffectiveDose(nci).estimate(CHEST, 16.49, 100, 32).orElseThrow().msv(), 1e-12);
        assertEquals(0.021 * 100, new EffectiveDose(nci).estimate(CHEST, 16.5, 100, 32).orElseThrow().msv(), 1e-12);
    }

    @Test
    void anotherDatasetWithStatedPhantomsIsUsedOnItsOwn() {
        String csv = String.join("\n", "dataset,region,coefficient_age,age_min_years,age_max_years,k_msv_per_mgycm,dlp_phantom_cm,source",
                "A,chest,5,0,,0.5,32,test", "B,chest,5,0,,0.001,16,test", "");
        KFactorTable b = KFactorTable.read(new StringReader(csv), "k.csv", "B");
        EffectiveDoseEstimate e = new EffectiveDose(b).estimate(CHEST, 5, 10, 32).orElseThrow();
        assertEquals(10 * 2.0 * 0.001, e.msv(), 1e-12);
        assertEquals("B", e.dataset());
    }
}

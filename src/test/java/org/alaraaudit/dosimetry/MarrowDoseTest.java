package org.alaraaudit.dosimetry;

import static org.alaraaudit.model.TargetRegion.ABDOMEN_PELVIS;
import static org.alaraaudit.model.TargetRegion.CHEST;
import static org.alaraaudit.model.TargetRegion.CHEST_ABDOMEN_PELVIS;
import static org.alaraaudit.model.TargetRegion.HEAD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.alaraaudit.model.TargetRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MarrowDoseTest {

    private final MarrowDose marrow = new MarrowDose(ShippedTables.marrow());

    private MarrowDoseEstimate estimate(TargetRegion region, double age, Sex sex, double ctdivol, int phantom) {
        return marrow.estimate(region, age, sex, ctdivol, phantom).orElseThrow();
    }

    /** marrow-dose.md section 4, worked examples (results there are rounded to 0.1 mGy). */
    @Test
    void workedExample1YearHead() {
        MarrowDoseEstimate e = estimate(HEAD, 1, Sex.UNKNOWN, 30, 16);
        assertEquals(10.7, e.mgy(), 0.05);
        assertEquals(30 * 0.357, e.mgy(), 1e-12);
    }

    @Test
    void workedExample5YearChestAbdomenPelvisOn32cm() {
        MarrowDoseEstimate e = estimate(CHEST_ABDOMEN_PELVIS, 5, Sex.M, 3, 32);
        assertEquals(2.8, e.mgy(), 0.05);
        assertEquals(7.5, e.ctdivolMgy(), 1e-12);
        assertEquals(0.379, e.coefficient());
        assertTrue(e.assumption().contains("3 mGy on the 32 cm phantom × 2.5"), e.assumption());
        assertTrue(e.assumption().contains("= 7.5 mGy on 16 cm"), e.assumption());
        MarrowDose factorTwo = new MarrowDose(ShippedTables.marrow(), new PhantomConversion(2.0), UnknownSexRule.LARGER);
        assertEquals(2.3, factorTwo.estimate(CHEST_ABDOMEN_PELVIS, 5, Sex.M, 3, 32).orElseThrow().mgy(), 0.05);
    }

    @Test
    void workedExample15YearMaleAbdomenPelvisOn32cm() {
        MarrowDoseEstimate e = estimate(ABDOMEN_PELVIS, 15, Sex.M, 8, 32);
        assertEquals(5.2, e.mgy(), 0.05);
        assertEquals(20 * 0.259, e.mgy(), 1e-12);
    }

    @Test
    void workedExampleAdultMaleAbdomenPelvisOn32cmIsUsedAsLogged() {
        MarrowDoseEstimate e = estimate(ABDOMEN_PELVIS, 40, Sex.M, 10, 32);
        assertEquals(5.3, e.mgy(), 0.05);
        assertEquals(10, e.ctdivolMgy(), 1e-12);
        assertTrue(e.assumption().contains("used as logged"), e.assumption());
        assertEquals("NCICT2015_Table1", e.dataset());
    }

    /** Youngest-or-equal phantom (marrow-dose.md section 3): 0-<1, 1-<5, 5-<10, 10-<15, 15-<18, >=18. */
    @ParameterizedTest(name = "age {0} -> head coefficient {1}")
    @CsvSource({"0,0.305", "0.99,0.305", "1,0.357", "4.99,0.357", "5,0.299", "9.99,0.299", "10,0.159",
                "13,0.159", "14.99,0.159", "15,0.111", "17.99,0.111", "18,0.048", "80,0.048"})
    void theHeadCoefficientIsThatOfTheOldestPhantomNotOlderThanThePatient(double age, double coefficient) {
        assertEquals(coefficient, estimate(HEAD, age, Sex.M, 10, 16).coefficient());
    }

    @Test
    void sexSelectsThePhantomWhereBothAreTabulated() {
        assertEquals(0.299, estimate(ABDOMEN_PELVIS, 16, Sex.F, 8, 16).coefficient());
        assertEquals(0.259, estimate(ABDOMEN_PELVIS, 16, Sex.M, 8, 16).coefficient());
        assertEquals(0.620, estimate(ABDOMEN_PELVIS, 30, Sex.F, 8, 32).coefficient());
    }

    @Test
    void unknownSexTakesTheLargerCoefficientByDefault() {
        MarrowDoseEstimate e = estimate(ABDOMEN_PELVIS, 16, Sex.UNKNOWN, 8, 16);
        assertEquals(0.299, e.coefficient());
        assertEquals(8 * 0.299, e.mgy(), 1e-12);
        assertTrue(e.assumption().contains("larger of the female and male coefficients (F 0.299, M 0.259)"), e.assumption());
        assertEquals(0.050, estimate(HEAD, 30, null, 10, 16).coefficient()); // null is unknown too
    }

    @Test
    void unknownSexCanTakeTheMeanInstead() {
        MarrowDose mean = new MarrowDose(ShippedTables.marrow(), PhantomConversion.defaultPolicy(), UnknownSexRule.MEAN);
        MarrowDoseEstimate e = mean.estimate(CHEST, 30, Sex.UNKNOWN, 10, 32).orElseThrow();
        assertEquals((0.375 + 0.314) / 2, e.coefficient(), 1e-12);
        assertTrue(e.assumption().contains("mean of the female and male"), e.assumption());
    }

    @Test
    void childrenUnder15GetTheOnlyTabulatedPhantomWhateverTheirSex() {
        MarrowDoseEstimate girl = estimate(CHEST, 7, Sex.F, 2, 16);
        assertEquals(0.197, girl.coefficient());
        assertTrue(girl.assumption().contains("only the male phantom is tabulated at this age, used for a female patient"),
                girl.assumption());
        assertEquals(0.197, estimate(CHEST, 7, Sex.UNKNOWN, 2, 16).coefficient());
    }

    @Test
    void pediatricBodyOn16cmIsUsedAsLogged() {
        assertEquals(4 * 0.197, estimate(CHEST, 5, Sex.M, 4, 16).mgy(), 1e-12);
    }

    @Test
    void adultBodyOn16cmIsDividedByTheFactor() {
        assertEquals(10 / 2.5 * 0.529, estimate(ABDOMEN_PELVIS, 30, Sex.M, 10, 16).mgy(), 1e-12);
    }

    @Test
    void headOnTheBodyPhantomIsNotEstimated() {
        assertEquals(Optional.empty(), marrow.estimate(HEAD, 5, Sex.M, 10, 32));
    }

    /** marrow-dose.md section 3: these regions are "RBM not estimated", never a borrowed coefficient. */
    @ParameterizedTest
    @EnumSource(value = TargetRegion.class, names = {"NECK", "ABDOMEN", "PELVIS", "SPINE", "EXTREMITY", "WHOLE_BODY", "OTHER"})
    void regionsTheTableDoesNotCoverAreNotEstimated(TargetRegion region) {
        assertEquals(Optional.empty(), marrow.estimate(region, 5, Sex.M, 5, 16));
        assertEquals(Optional.empty(), marrow.estimate(region, 30, Sex.F, 5, 32));
    }

    @Test
    void unusableInputsAreNotEstimated() {
        assertEquals(Optional.empty(), marrow.estimate(null, 5, Sex.M, 5, 16));
        assertEquals(Optional.empty(), marrow.estimate(CHEST, -0.01, Sex.M, 5, 16));
        assertEquals(Optional.empty(), marrow.estimate(CHEST, 5, Sex.M, Double.NaN, 16));
        assertEquals(Optional.empty(), marrow.estimate(CHEST, 5, Sex.M, -1, 16));
        assertEquals(Optional.empty(), marrow.estimate(CHEST, 5, Sex.M, 5, 20));
    }

    @ParameterizedTest
    @CsvSource({"F,F", "f,F", "M,M", "male,M", "O,UNKNOWN", "U,UNKNOWN", "'',UNKNOWN"})
    void sexCodesOfTheScanLog(String code, Sex sex) {
        assertEquals(sex, Sex.fromCode(code));
    }
}

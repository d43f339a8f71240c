package org.alaraaudit.dosimetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.alaraaudit.model.TargetRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PhantomConversionTest {

    private final PhantomConversion policy = PhantomConversion.defaultPolicy();

    @Test
    void defaultIsThePolicyFactorOfMarrowDoseMd() {
        assertEquals(2.5, policy.factor16Per32());
    }

    @ParameterizedTest
    @EnumSource(value = TargetRegion.class, names = {"CHEST", "ABDOMEN", "PELVIS", "ABDOMEN_PELVIS", "CHEST_ABDOMEN_PELVIS", "WHOLE_BODY"})
    void trunkValuesAreConvertedBothWays(TargetRegion region) {
        assertEquals(7.5, policy.express(3, 32, 16, region).orElseThrow(), 1e-12);
        assertEquals(4, policy.express(10, 16, 32, region).orElseThrow(), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(TargetRegion.class)
    void matchingPhantomsNeedNoConversion(TargetRegion region) {
        assertEquals(OptionalDouble.of(3), policy.express(3, 16, 16, region));
        assertEquals(OptionalDouble.of(3), policy.express(3, 32, 32, region));
    }

    @ParameterizedTest
    @EnumSource(value = TargetRegion.class, names = {"HEAD", "NECK", "SPINE", "EXTREMITY", "OTHER"})
    void nonTrunkValuesOnTheOtherPhantomAreNotConverted(TargetRegion region) {
        assertTrue(policy.express(3, 32, 16, region).isEmpty());
    }

    @Test
    void onlyTheTwoStandardPhantoms() {
        assertTrue(policy.express(3, 20, 16, TargetRegion.CHEST).isEmpty());
        assertTrue(policy.express(3, 16, 0, TargetRegion.CHEST).isEmpty());
        assertTrue(policy.express(3, 32, 16, null).isEmpty());
    }

    @Test
    void factorMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new PhantomConversion(0));
        assertThrows(IllegalArgumentException.class, () -> new PhantomConversion(Double.NaN));
        assertEquals(6, new PhantomConversion(2).express(3, 32, 16, TargetRegion.CHEST).orElseThrow(), 1e-12);
    }
}

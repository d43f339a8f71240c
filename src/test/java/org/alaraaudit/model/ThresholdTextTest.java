package org.alaraaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A value beside the threshold it is judged against never reads as the threshold itself. */
class ThresholdTextTest {
    @ParameterizedTest(name = "{0} beside {1} at {2} decimals: {3}")
    @CsvSource({
            "1000.01, 1000, 0, 1000.01", "1000.4, 1000, 0, 1000.4", "1001, 1000, 0, 1001", "1000, 1000, 0, 1000",
            "25.01, 25, 1, 25.01", "25.04, 25, 1, 25.04", "25.06, 25, 1, 25.1", "24.99, 25, 1, 24.99", "12.3, 25, 1, 12.3",
            "2.004, 2, 2, 2.004", "2.0049, 2, 2, 2.005", "1.6, 1, 2, 1.60", "2.0000001, 2, 2, 2.0000001"})
    void aValueGetsTheDecimalsItTakesToDifferFromItsThreshold(double value, double level, int decimals, String shown) {
        assertEquals(shown, ThresholdText.beside(value, level, decimals));
    }
}

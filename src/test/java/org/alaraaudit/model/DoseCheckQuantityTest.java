package org.alaraaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Dose Check finding quotes the quantity that alerted. A scanner sets both alert values (CTDIvol and DLP) and
 * records the forward estimate of what it checked: a Toshiba record with a CTDIvol alert value of 10 mGy and a DLP
 * forward estimate of 251.2 against 100 mGy·cm alerted on the DLP (shared/real-data, CT-RDSR-Toshiba_DoseCheck).
 */
class DoseCheckQuantityTest {
    @ParameterizedTest(name = "CTDIvol {0} of alert {1}, DLP {2} of alert {3}: {4} {5} of {6}")
    @CsvSource(nullValues = "-", value = {
            // the DLP exceeded its alert; only the CTDIvol's alert value is set
            "-,    10,  251.2, 100, DLP forward estimate,     251.2, 100",
            // the CTDIvol exceeded; the DLP estimate is under its alert
            "60,   50,  900,  1000, CTDIvol forward estimate, 60,    50",
            // both exceeded: CTDIvol, the quantity of the notification values
            "60,   50,  1200, 1000, CTDIvol forward estimate, 60,    50",
            // just at the alert value is not above it: the record that holds both values is quoted
            "50,   50,  -,    1000, CTDIvol forward estimate, 50,    50",
            "-,    50,  1000, 1000, DLP forward estimate,     1000,  1000",
            // estimates without alert values: the one recorded
            "-,    -,   300,  -,    DLP forward estimate,     300,   -",
            "20,   -,   -,    -,    CTDIvol forward estimate, 20,    -",
            // alert values only
            "-,    50,  -,    1000, CTDIvol forward estimate, -,     50",
            "-,    -,   -,    1000, DLP forward estimate,     -,     1000",
    })
    void theQuantityQuotedIsTheOneThatAlerted(Double ctdivol, Double ctdivolAlert, Double dlp, Double dlpAlert,
                                             String quantity, Double estimate, Double alert) {
        DoseCheckRecord r = new DoseCheckRecord(true, ctdivolAlert, ctdivol, dlpAlert, dlp, null);
        assertEquals(quantity, r.quantity());
        assertEquals(estimate, r.forwardEstimate());
        assertEquals(alert, r.alertValue());
        assertEquals(quantity.startsWith("CTDIvol") ? "mGy" : "mGy·cm", r.unit());
    }
}

package org.alaraaudit.rules;

import static org.alaraaudit.AuditFixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.AcquisitionType;
import org.alaraaudit.model.SeriesKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Only localizers and bolus-tracking monitoring are left out of the protocol, multiphase and expected-CTDIvol
 * checks. A stationary series is bolus tracking when series-kinds.csv names it so, else when its CTDIvol is below
 * bolus_tracking_max_ctdivol_mgy (15 mGy); otherwise it is perfusion, an image set like any other.
 */
class StationarySeriesRuleTest {
    @TempDir
    Path dir;

    private static final SeriesKinds SHIPPED = AuditFixture.DEFAULT_RULES.tables().seriesKinds();

    @ParameterizedTest(name = "{0} at {1} mGy -> {2}")
    @CsvSource({"PED CHEST 5-10Y, 14.99, BOLUS_TRACKING", "PED CHEST 5-10Y, 15, PERFUSION", "PED CHEST 5-10Y, , BOLUS_TRACKING",
                "CARE BOLUS, 40, BOLUS_TRACKING", "SmartPrep, 40, BOLUS_TRACKING", "PED HEAD PERFUSION, 2, PERFUSION",
                "NEURO PERF, 2, PERFUSION"})
    void aStationarySeriesIsClassifiedByItsTextThenByTheStatedLevel(String protocol, Double ctdivol, SeriesKind kind) {
        assertEquals(kind, SHIPPED.classify(AcquisitionType.STATIONARY, protocol, ctdivol));
    }

    @Test
    void otherSeriesAreNotClassifiedEvenWhenTheirProtocolNameSaysBolus() {
        assertEquals(null, SHIPPED.classify(AcquisitionType.SPIRAL, "CTA BOLUS TRACKING", 10.0));
        assertEquals(null, SHIPPED.classify(null, "CARE BOLUS", 10.0));
    }

    private AuditFixture chestWithStationary(String protocol, String ctdivol) {
        return new AuditFixture().row("event_uid", "spiral")
                .row("event_uid", "stationary", "acquisition_type", "STATIONARY", "protocol_name", protocol, "ctdivol_mgy", ctdivol);
    }

    @Test
    void aPerfusionSeriesIsAnAcquisitionOfItsOwnForTheMultiphaseCheck() {
        assertEquals(1, findings(chestWithStationary("PED CHEST 5-10Y", "15").audit(dir), "PEDIATRIC_MULTIPHASE").size());
    }

    @Test
    void aBolusTrackingSeriesIsLeftOutOfTheMultiphaseAndExpectedRangeChecks() {
        var below = chestWithStationary("PED CHEST 5-10Y", "0.3").audit(dir);
        assertEquals(List.of(), findings(below, "PEDIATRIC_MULTIPHASE"));
        assertEquals(List.of(), findings(below, "DOSE_BELOW_EXPECTED_RANGE"), "a monitoring series is not an image set");
        var named = chestWithStationary("CARE BOLUS", "20").audit(dir);
        assertEquals(List.of(), findings(named, "PEDIATRIC_MULTIPHASE"));
    }
}

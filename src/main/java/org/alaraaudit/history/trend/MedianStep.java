package org.alaraaudit.history.trend;

import org.alaraaudit.model.ConfidenceInterval;
import java.time.YearMonth;

/**
 * A protocol whose median CTDIvol at one station moved by more than the set fraction from one month to the
 * next: a protocol edit or a software update is the usual reason, worth a look either way. Each median comes with
 * its 95 % confidence interval (distribution-free, {@code audit.aggregate.MedianInterval}), so a reader can tell a
 * step beyond the months' sampling spread from one a different mix of patients could make.
 */
public record MedianStep(String facility, String station, String protocol, YearMonth before, YearMonth after,
                         double medianBefore, double medianAfter, int studiesBefore, int studiesAfter,
                         ConfidenceInterval intervalBefore, ConfidenceInterval intervalAfter) {

    /** The relative change, e.g. 0.35 for 35 % up, -0.25 for 25 % down. */
    public double change() { return medianAfter / medianBefore - 1; }

    /**
     * Whether the two months' intervals do not overlap: the step is larger than the sampling spread of either month.
     * False when either month has no interval.
     */
    public boolean beyondSampling() {
        if (intervalBefore == null || intervalAfter == null) return false;
        return intervalAfter.low() > intervalBefore.high() || intervalAfter.high() < intervalBefore.low();
    }
}

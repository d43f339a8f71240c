package org.alaraaudit.history.trend;

import java.time.YearMonth;

/**
 * A protocol whose median CTDIvol at one station moved by more than the set fraction from one month to the
 * next: a protocol edit or a software update is the usual reason, worth a look either way.
 */
public record MedianStep(String facility, String station, String protocol, YearMonth before, YearMonth after,
                         double medianBefore, double medianAfter, int studiesBefore, int studiesAfter) {

    /** The relative change, e.g. 0.35 for 35 % up, -0.25 for 25 % down. */
    public double change() { return medianAfter / medianBefore - 1; }
}

package org.alaraaudit.history.trend;

import java.time.YearMonth;

/**
 * One station's radiographs in one month, as the month's audit run reported them: the exposures with a body part
 * and how many were retakes (the audit's retake rates added over the body parts), and the deviation-index spread.
 */
public record XrayStationMonth(YearMonth month, String facility, String station, long radiographs, long retakes,
                               long deviationIndexCount, Double deviationIndexMedian, long aboveOverexposure,
                               long belowUnderexposure) {

    /** Retakes over radiographs with a body part; null without any. */
    public Double retakeRate() { return radiographs == 0 ? null : (double) retakes / radiographs; }

    /** {@code facility / station}: one line of the trend, as {@code --by station} names a series. */
    public String series() { return facility + " / " + station; }
}

package org.alaraaudit.model;

/**
 * A median's 95 % confidence interval, distribution-free (the order statistics of {@code audit.aggregate.MedianInterval}):
 * where the median may lie for another month's mix of the same patients, so a median just above a DRL on 20 studies
 * reads as the sample it is.
 */
public record ConfidenceInterval(double low, double high) {
    /** From a sample's {low, high}; null when the sample gave none (fewer than 6 values). */
    public static ConfidenceInterval of(double[] lowHigh) { return lowHigh == null ? null : new ConfidenceInterval(lowHigh[0], lowHigh[1]); }

    /** The whole interval lies above {@code level}: the excess is more than the sample's spread. */
    public boolean above(double level) { return low > level; }
}

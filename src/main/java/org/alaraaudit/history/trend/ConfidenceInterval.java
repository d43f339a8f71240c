package org.alaraaudit.history.trend;

/**
 * A monthly median's 95 % confidence interval, distribution-free (the order statistics of
 * {@code audit.aggregate.MedianInterval}): what a month's median may be for another month's mix of the same patients.
 */
public record ConfidenceInterval(double low, double high) {
    /** From a sample's {low, high}; null when the sample gave none (fewer than 6 values). */
    static ConfidenceInterval of(double[] lowHigh) { return lowHigh == null ? null : new ConfidenceInterval(lowHigh[0], lowHigh[1]); }
}

package org.alaraaudit.history.trend;

import org.alaraaudit.model.ConfidenceInterval;
import java.time.YearMonth;

/**
 * The median of one pediatric exam type and DRL band in one month of one series, against the DRL: CTDIvol one
 * value per diagnostic acquisition, DLP one per study, only values on the DRL's phantom (ICRP 135; as the
 * audit's DRL table). {@code sufficient} when the month has at least the DRL table's minimum sample of studies;
 * {@code interval} the median's 95 % confidence interval, null below 6 values.
 */
public record DoseMedian(YearMonth month, String group, String drlSet, String examType, String band, int bandLine,
                         String quantity, int n, int studies, double median, Double drl, boolean sufficient,
                         ConfidenceInterval interval) {

    /** Without a confidence interval (fewer than 6 values, or a test's fixed median). */
    public DoseMedian(YearMonth month, String group, String drlSet, String examType, String band, int bandLine,
                      String quantity, int n, int studies, double median, Double drl, boolean sufficient) {
        this(month, group, drlSet, examType, band, bandLine, quantity, n, studies, median, drl, sufficient, null);
    }

    /**
     * Whether the whole 95 % interval of the median lies above the DRL: a median above it on 10-20 studies may be the
     * month's patient mix; one whose interval is above it is not. False without an interval or a DRL.
     */
    public boolean aboveDrlBeyondSampling() { return interval != null && drl != null && interval.above(drl); }

    public Double ratio() { return drl == null || drl == 0 ? null : median / drl; }

    public String unit() { return "DLP".equals(quantity) ? "mGy·cm" : "mGy"; }

    /** Exam type, band and quantity: one line of the trend. */
    public String series() { return examType + " " + band + " " + quantity; }
}

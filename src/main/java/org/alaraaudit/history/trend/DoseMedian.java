package org.alaraaudit.history.trend;

import java.time.YearMonth;

/**
 * The median of one pediatric exam type and DRL band in one month of one series, against the DRL: CTDIvol one
 * value per diagnostic acquisition, DLP one per study, only values on the DRL's phantom (ICRP 135; as the
 * audit's DRL table). {@code sufficient} when the month has at least the DRL table's minimum sample of studies.
 */
public record DoseMedian(YearMonth month, String group, String drlSet, String examType, String band, int bandLine,
                         String quantity, int n, int studies, double median, Double drl, boolean sufficient) {

    public Double ratio() { return drl == null || drl == 0 ? null : median / drl; }

    public String unit() { return "DLP".equals(quantity) ? "mGy·cm" : "mGy"; }

    /** Exam type, band and quantity: one line of the trend. */
    public String series() { return examType + " " + band + " " + quantity; }
}

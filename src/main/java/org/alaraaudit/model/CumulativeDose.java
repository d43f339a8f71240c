package org.alaraaudit.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One patient's cumulative dose of one metric over the look-back window, with the highest threshold of the
 * cumulative-dose table it reaches (null when none). A reference-phantom estimate, never an individual risk.
 */
public final class CumulativeDose {
    private final Study latestInPeriod;
    private final DoseMetric metric;
    private final int rank;
    private final double value;
    private final int studies;
    private final int acquisitions;
    private final int notEstimated;
    private final LocalDate windowFrom;
    private final LocalDate windowTo;
    private final LocalDate firstStudy;
    private final DoseThreshold reached;
    private final String method;
    private final List<SourceLine> lines;

    /**
     * @param rank         the metric's position in the cumulative-dose table: when several metrics reach a
     *                     threshold, the finding names the first
     * @param acquisitions acquisitions that received an estimate; {@code notEstimated} those that could not
     * @param firstStudy   the day of the earliest study counted: the window's data may start well after the window does
     *                     (an input of a few months, no earlier audits stored), and the finding says so
     * @param method       how the estimate was made (coefficient set, phantom factor), for the message
     */
    public CumulativeDose(Study latestInPeriod, DoseMetric metric, int rank, double value, int studies, int acquisitions,
                          int notEstimated, LocalDate windowFrom, LocalDate windowTo, LocalDate firstStudy, DoseThreshold reached,
                          String method, List<SourceLine> lines) {
        this.latestInPeriod = latestInPeriod;
        this.metric = metric;
        this.rank = rank;
        this.value = value;
        this.studies = studies;
        this.acquisitions = acquisitions;
        this.notEstimated = notEstimated;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.firstStudy = firstStudy;
        this.reached = reached;
        this.method = method;
        this.lines = List.copyOf(lines);
    }

    public Study getStudy() { return latestInPeriod; }

    public String getPatientRef() { return latestInPeriod.getPatientRef(); }

    public DoseMetric getMetric() { return metric; }

    public int getRank() { return rank; }

    public double getValue() { return value; }

    public String getUnit() { return metric.unit(); }

    /** Studies of the window with at least one estimated acquisition. */
    public int getStudies() { return studies; }

    public int getAcquisitions() { return acquisitions; }

    public int getNotEstimated() { return notEstimated; }

    public LocalDate getWindowFrom() { return windowFrom; }

    public LocalDate getWindowTo() { return windowTo; }

    /** The day of the earliest study counted in the sum. */
    public LocalDate getFirstStudy() { return firstStudy; }

    public DoseThreshold getReached() { return reached; }

    public boolean isThresholdReached() { return reached != null; }

    public String getMethod() { return method; }

    public List<SourceLine> getLines() { return lines; }

    @Override
    public String toString() { return "CumulativeDose[" + metric + " " + value + " " + getPatientRef() + "]"; }
}

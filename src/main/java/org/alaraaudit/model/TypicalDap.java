package org.alaraaudit.model;

import java.util.List;

/**
 * A facility's typical value (ICRP 135: the median) of the dose-area product for one radiography or fluoroscopy
 * exam and band over the period, with the DRL row that applies to it, if any: a period-level fact, because a DRL
 * judges a facility's typical practice, never one patient. Radiographs give one value per exposure, fluoroscopy
 * one per procedure; the minimum sample counts studies, as for the CT DRL groups.
 */
public final class TypicalDap {
    /** ABOVE and BELOW are judged; INSUFFICIENT_SAMPLE has a DRL row but too few studies; NO_DRL has no row. */
    public enum Status { BELOW, ABOVE, INSUFFICIENT_SAMPLE, NO_DRL }

    private final String facility;
    private final String kind;
    private final String exam;
    private final String band;
    private final int values;
    private final int studies;
    private final Double median;
    private final int minSampleStudies;
    private final ProjectionReferenceLevel level;
    private final List<SourceLine> lines;

    /** {@code level} null: no row of the DRL table applies; {@code lines} the input lines of the values (empty then). */
    public TypicalDap(String facility, String kind, String exam, String band, int values, int studies, Double median,
                      int minSampleStudies, ProjectionReferenceLevel level, List<SourceLine> lines) {
        this.facility = facility;
        this.kind = kind;
        this.exam = exam;
        this.band = band;
        this.values = values;
        this.studies = studies;
        this.median = median;
        this.minSampleStudies = minSampleStudies;
        this.level = level;
        this.lines = java.util.Collections.unmodifiableList(lines);
    }

    public String getFacility() { return facility; }

    /** {@code radiography} or {@code fluoroscopy}. */
    public String getKind() { return kind; }

    public String getExam() { return exam; }

    public String getBand() { return band; }

    public int getValues() { return values; }

    public int getStudies() { return studies; }

    public Double getMedian() { return median; }

    public int getMinSampleStudies() { return minSampleStudies; }

    public ProjectionReferenceLevel getLevel() { return level; }

    public boolean hasDrl() { return level != null; }

    public Double getDrl() { return level == null ? null : level.dapGycm2(); }

    public List<SourceLine> getLines() { return lines; }

    public boolean isSufficientSample() { return studies >= minSampleStudies; }

    /** A median exactly at the DRL has not exceeded it. */
    public boolean isAboveDrl() { return level != null && median != null && median > level.dapGycm2(); }

    public Double getRatio() { return level == null || median == null ? null : median / level.dapGycm2(); }

    public Status getStatus() {
        if (level == null) return Status.NO_DRL;
        if (!isSufficientSample()) return Status.INSUFFICIENT_SAMPLE;
        return isAboveDrl() ? Status.ABOVE : Status.BELOW;
    }

    /** "per exposure" for radiographs, "per procedure" for fluoroscopy: what one value is. */
    public String getPer() { return ProjectionReferenceLevel.FLUOROSCOPY.equals(kind) ? "per procedure" : "per exposure"; }

    @Override
    public String toString() { return "TypicalDap[" + facility + " " + kind + " " + exam + " " + band + "]"; }
}

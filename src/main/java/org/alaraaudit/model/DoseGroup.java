package org.alaraaudit.model;

import java.util.List;

/**
 * One facility x exam type x band group of the period for one DRL quantity, with the median of its values: a
 * period-level fact, because a DRL judges a facility's typical practice, never an individual patient
 * (ICRP 135). Values on a phantom other than the DRL's are kept in a group of their own and are not compared.
 */
public final class DoseGroup {
    public enum Status { BELOW, ABOVE, INSUFFICIENT_SAMPLE, NOT_COMPARABLE }

    private final String facility;
    private final ReferenceLevel level;
    private final String quantity;
    private final int dataPhantomCm;
    private final int values;
    private final int studies;
    private final Double median;
    private final Double p75;
    private final ConfidenceInterval medianInterval;
    private final int minSampleStudies;
    private final List<SourceLine> lines;
    private final String contrastLabel;

    /**
     * {@code contrastLabel} names the group's contrast where the exam type alone would not ("with contrast", or
     * "(contrast not known)" for exams compared with a DRL of a contrast they may not have had); null for none.
     * {@code medianInterval} is null below 6 values.
     */
    public DoseGroup(String facility, ReferenceLevel level, String quantity, int dataPhantomCm, int values, int studies,
                     Double median, Double p75, ConfidenceInterval medianInterval, int minSampleStudies, List<SourceLine> lines,
                     String contrastLabel) {
        this.medianInterval = medianInterval;
        this.contrastLabel = contrastLabel;
        this.facility = facility;
        this.level = level;
        this.quantity = quantity;
        this.dataPhantomCm = dataPhantomCm;
        this.values = values;
        this.studies = studies;
        this.median = median;
        this.p75 = p75;
        this.minSampleStudies = minSampleStudies;
        // Not copied: a registry-sized group has millions of lines, handed over packed (audit.PackedLines).
        this.lines = java.util.Collections.unmodifiableList(lines);
    }

    public String getFacility() { return facility; }

    public ReferenceLevel getLevel() { return level; }

    public String getDrlSet() { return level.drlSet(); }

    /** The DRL's exam type, with the group's contrast where groups of one exam type differ by it. */
    public String getExamType() { return contrastLabel == null ? level.examType() : level.examType() + " " + contrastLabel; }

    /**
     * The exam type as a reader needs it, in words: a group judged against a DRL for exams without contrast says so, where
     * {@link #getExamType()} leaves it unsaid because finding ids, the history and trend series were keyed on it
     * before the sets had rows of each contrast.
     */
    public String getExamName() {
        String name = contrastLabel != null || Contrast.parse(level.contrast()).orElse(null) != Contrast.WITHOUT ? getExamType()
                : level.examType() + " " + Contrast.WITHOUT.label();
        // The tables write a region of several parts as one word (CHEST_ABDOMEN_PELVIS); a reader sees the parts.
        return name.replace('_', ' ');
    }

    /**
     * Where the group's exams are not known to have had the DRL's contrast (the DRL row is for exams with contrast, the
     * set's only one for this exam type and band, and these exams' contrast is not known or was both), the words a
     * finding adds after the DRL so a reviewer knows which benchmark was used: "a DRL for exams with contrast, the
     * set's only one for this exam type and band". Empty otherwise.
     */
    public String getDrlContrastNote() {
        if (contrastLabel == null || !contrastLabel.startsWith("(")) return "";
        Contrast drl = Contrast.parse(level.contrast()).orElse(null);
        if (drl != Contrast.WITH) return "";
        return ", a DRL for exams " + Contrast.WITH.label() + ", the set's only one for this exam type and band";
    }

    public String getBand() { return level.band(); }

    /** {@code CTDIvol} (one value per diagnostic acquisition) or {@code DLP} (one value per study). */
    public String getQuantity() { return quantity; }

    public String getUnit() { return "DLP".equals(quantity) ? "mGy·cm" : "mGy"; }

    public Double getDrl() { return "DLP".equals(quantity) ? level.dlpMgycm() : level.ctdivolMgy(); }

    public int getDrlPhantomCm() { return level.phantomCm(); }

    /** The phantom the group's values refer to (for a DLP, every event of the study on it). */
    public int getDataPhantomCm() { return dataPhantomCm; }

    public int getValues() { return values; }

    public int getStudies() { return studies; }

    public Double getMedian() { return median; }

    public Double getP75() { return p75; }

    /** The median's 95 % confidence interval (distribution-free), or null below 6 values. */
    public ConfidenceInterval getMedianInterval() { return medianInterval; }

    /**
     * The whole 95 % interval of the median lies above the DRL: the excess is more than one period's sample of
     * patients would give. A rule's message says which it is; the verdict stays the median's (ICRP 135).
     */
    public boolean isIntervalAboveDrl() { return medianInterval != null && getDrl() != null && medianInterval.above(getDrl()); }

    public int getMinSampleStudies() { return minSampleStudies; }

    public List<SourceLine> getLines() { return lines; }

    /** Only values on the DRL's own phantom are compared with it (dose-references.md section 0). */
    public boolean isComparable() { return dataPhantomCm == level.phantomCm() && getDrl() != null; }

    public boolean isSufficientSample() { return studies >= minSampleStudies; }

    /** A median exactly at the DRL has not exceeded it. */
    public boolean isAboveDrl() { return median != null && getDrl() != null && median > getDrl(); }

    public Double getRatio() {
        return isComparable() && median != null && getDrl() > 0 ? median / getDrl() : null;
    }

    public Status getStatus() {
        if (!isComparable()) return Status.NOT_COMPARABLE;
        if (!isSufficientSample()) return Status.INSUFFICIENT_SAMPLE;
        return isAboveDrl() ? Status.ABOVE : Status.BELOW;
    }

    @Override
    public String toString() {
        return "DoseGroup[" + facility + " " + getExamType() + " " + getBand() + " " + quantity + " " + dataPhantomCm + " cm]";
    }
}

package org.alaraaudit.audit.aggregate;

import org.alaraaudit.audit.spill.DoseValueFile;

/**
 * Use and doses of one standard protocol at one station in the period: CTDIvol per diagnostic acquisition and
 * DLP per study, as the workbook's protocol sheet and the DRL work read them.
 */
public final class ProtocolStatistics {
    private final String facility;
    private final String stationName;
    private final String standardProtocol;
    private int studies;
    private int pediatricStudies;
    private final DoseSample ctdivol;
    private final DoseSample dlp;
    private final DoseSample ssde;
    private final java.util.List<SizePoint> sizePoints = new java.util.ArrayList<>();
    private final long[] missing = new long[Completeness.values().length];
    private long acquisitions;

    /** How many size/dose pairs one protocol at one station keeps for the dose-against-size chart. */
    public static final int MAX_SIZE_POINTS = 2000;

    /** The columns whose absence weakens the dose work: per diagnostic acquisition of the period. */
    public enum Completeness { WEIGHT, HEIGHT, SIZE, REGION }

    /**
     * A child's diagnostic acquisition: its patient size (water-equivalent or effective diameter in cm, else null),
     * weight in kg, CTDIvol and SSDE in mGy.
     */
    public record SizePoint(Double diameterCm, Double weightKg, double ctdivol, Double ssde) {}

    public ProtocolStatistics(String facility, String stationName, String standardProtocol) {
        this(facility, stationName, standardProtocol, null);
    }

    ProtocolStatistics(String facility, String stationName, String standardProtocol, DoseValueFile doses) {
        this.facility = facility;
        this.stationName = stationName;
        this.standardProtocol = standardProtocol;
        this.ctdivol = new DoseSample(doses);
        this.dlp = new DoseSample(doses);
        this.ssde = new DoseSample(doses);
    }

    /** Keeps the quartiles and lets the values go: the run is over. */
    void freeze() {
        ctdivol.freeze();
        dlp.freeze();
        ssde.freeze();
    }

    /** A diagnostic acquisition: counts which columns it lacks, and keeps its SSDE and a child's size/dose pair. */
    void addAcquisition(org.alaraaudit.model.IrradiationEvent e, Double ssdeMgy) {
        acquisitions++;
        if (e.getWeightKg() == null) missing[Completeness.WEIGHT.ordinal()]++;
        if (e.getStudy().getHeightCm() == null) missing[Completeness.HEIGHT.ordinal()]++;
        Double diameter = e.getWaterEquivalentDiameter() != null ? e.getWaterEquivalentDiameter() : e.getEffectiveDiameter();
        if (diameter == null) missing[Completeness.SIZE.ordinal()]++;
        if (e.isRegionUnknown()) missing[Completeness.REGION.ordinal()]++;
        if (ssdeMgy != null) ssde.add(ssdeMgy);
        if (e.isPediatric() && e.getCtdivol() != null && sizePoints.size() < MAX_SIZE_POINTS
                && (diameter != null || e.getWeightKg() != null)) {
            sizePoints.add(new SizePoint(diameter, e.getWeightKg(), e.getCtdivol(), ssdeMgy));
        }
    }

    /** SSDE per diagnostic acquisition, where the log allowed one. */
    public DoseSample ssde() { return ssde; }

    /** Children's size/dose pairs, at most {@link #MAX_SIZE_POINTS}. */
    public java.util.List<SizePoint> sizePoints() { return java.util.Collections.unmodifiableList(sizePoints); }

    /** Diagnostic acquisitions of the period at this station with this protocol. */
    public long acquisitions() { return acquisitions; }

    /** Of {@link #acquisitions()}, how many lack this column. */
    public long missing(Completeness c) { return missing[c.ordinal()]; }

    void countStudy(boolean pediatric, Double studyDlp) {
        studies++;
        if (pediatric) pediatricStudies++;
        if (studyDlp != null) dlp.add(studyDlp);
    }

    void addCtdivol(double v) { ctdivol.add(v); }

    public String facility() { return facility; }

    public String stationName() { return stationName; }

    public String standardProtocol() { return standardProtocol; }

    public int studies() { return studies; }

    public int pediatricStudies() { return pediatricStudies; }

    public DoseSample ctdivol() { return ctdivol; }

    public DoseSample dlp() { return dlp; }
}

package org.alaraaudit.audit.aggregate;

import java.io.IOException;
import java.util.function.Function;
import org.alaraaudit.audit.spill.SpillIn;
import org.alaraaudit.audit.spill.SpillOut;

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
    /** Each with the patient and the acquisition's place, so that parts tallied apart keep the same first points. */
    private java.util.List<Stamped> sizePoints = new java.util.ArrayList<>();
    private final long[] missing = new long[Completeness.values().length];
    private long acquisitions;

    /** How many size/dose pairs one protocol at one station keeps for the dose-against-size chart. */
    public static final int MAX_SIZE_POINTS = 2000;

    /** The columns whose absence weakens the dose work: per diagnostic acquisition of the period. */
    public enum Completeness { WEIGHT, HEIGHT, SIZE, REGION }

    /**
     * A child's diagnostic acquisition: its patient size (water-equivalent or effective diameter in cm, else null),
     * weight in kg, CTDIvol (on the phantom of the protocol's expected range, converted where logged on the other) and
     * SSDE in mGy.
     */
    public record SizePoint(Double diameterCm, Double weightKg, double ctdivol, Double ssde) {}

    /** A size point of patient {@code patient}'s acquisition number {@code seq} of this protocol (in tally order). */
    private record Stamped(String patient, long seq, SizePoint point) {}

    /** The points kept: those of the first patients in pseudonym order, as the audit hands patients over. */
    private static final java.util.Comparator<Stamped> PATIENT_ORDER = java.util.Comparator
            .comparing(Stamped::patient, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparingLong(Stamped::seq);

    public ProtocolStatistics(String facility, String stationName, String standardProtocol) {
        this(facility, stationName, standardProtocol, id -> new DoseSample());
    }

    /** {@code samples}: a new sample by its id (the protocol's place and quantity), where its values are kept. */
    ProtocolStatistics(String facility, String stationName, String standardProtocol, Function<String, DoseSample> samples) {
        this.facility = facility;
        this.stationName = stationName;
        this.standardProtocol = standardProtocol;
        String id = "protocol\u001f" + facility + "\u001f" + stationName + "\u001f" + standardProtocol + "\u001f";
        this.ctdivol = samples.apply(id + "CTDIvol");
        this.dlp = samples.apply(id + "DLP");
        this.ssde = samples.apply(id + "SSDE");
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
        if (e.isPediatric() && e.getCtdivol() != null && (diameter != null || e.getWeightKg() != null)) {
            // On the phantom of the protocol's expected range, as the range is judged: the chart draws them against it.
            keep(new Stamped(e.getStudy().getPatientRef(), acquisitions, new SizePoint(diameter, e.getWeightKg(), e.getRangeCtdivol(), ssdeMgy)));
        }
    }

    /**
     * Patients come in pseudonym order on one machine, so the first points are kept as they come; a part of the
     * patients tallied apart (Spark) sees them in any order, and keeps the first by pseudonym all the same.
     */
    private void keep(Stamped p) {
        sizePoints.add(p);
        if (sizePoints.size() == 2 * MAX_SIZE_POINTS) sizePoints = first(sizePoints);
    }

    private static java.util.List<Stamped> first(java.util.List<Stamped> points) {
        java.util.List<Stamped> sorted = new java.util.ArrayList<>(points);
        sorted.sort(PATIENT_ORDER);
        return new java.util.ArrayList<>(sorted.subList(0, Math.min(MAX_SIZE_POINTS, sorted.size())));
    }

    /** SSDE per diagnostic acquisition, where the log allowed one. */
    public DoseSample ssde() { return ssde; }

    /** Children's size/dose pairs, at most {@link #MAX_SIZE_POINTS}. */
    public java.util.List<SizePoint> sizePoints() { return first(sizePoints).stream().map(Stamped::point).toList(); }

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

    /** This part's counts, points and sample sizes, for {@link #merge}; the values themselves are kept elsewhere. */
    void write(SpillOut out) throws IOException {
        out.integer(studies);
        out.integer(pediatricStudies);
        out.longWhole(acquisitions);
        for (long m : missing) out.longWhole(m);
        out.longWhole(ctdivol.count());
        out.longWhole(dlp.count());
        out.longWhole(ssde.count());
        java.util.List<Stamped> points = first(sizePoints);
        out.integer(points.size());
        for (Stamped p : points) {
            out.text(p.patient());
            out.longWhole(p.seq());
            out.number(p.point().diameterCm());
            out.number(p.point().weightKg());
            out.real(p.point().ctdivol());
            out.number(p.point().ssde());
        }
    }

    /** Adds a part written by {@link #write}: another set of patients' use of this protocol. */
    void merge(SpillIn in) throws IOException {
        studies += in.integer();
        pediatricStudies += in.integer();
        acquisitions += in.longWhole();
        for (int i = 0; i < missing.length; i++) missing[i] += in.longWhole();
        ctdivol.addCount(in.longWhole());
        dlp.addCount(in.longWhole());
        ssde.addCount(in.longWhole());
        for (int n = in.integer(); n > 0; n--) {
            keep(new Stamped(in.text(), in.longWhole(), new SizePoint(in.number(), in.number(), in.real(), in.number())));
        }
    }
}

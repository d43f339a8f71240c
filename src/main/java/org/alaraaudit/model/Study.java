package org.alaraaudit.model;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** One examination of one patient, a study being (facility, accession number), with its events. Immutable. */
public final class Study {
    private final Header header;
    private final boolean pediatric;
    private final boolean inPeriod;
    private final List<IrradiationEvent> events;
    private final Set<TargetRegion> regions;
    /** The rules join events to their study by it, once per event and join; the key's hash is computed once. */
    private final int hash;
    /** Compared whenever studies are sorted and repeats are paired: joined once. */
    private final String key;
    /**
     * Three rules read the checks; they are derived from the study's final events, so they are derived once, on
     * the thread that runs the rules (a race would only derive the same list twice).
     */
    private List<ExpectedRangeCheck> expectedRangeChecks;
    /** The study's rows the validation rejected, found by facility and accession: the study is audited without them. */
    private final List<SourceLine> rejectedLines;

    /** The study-level columns, as taken from the study's first row. */
    public record Header(String patientRef, double ageYears, String sex, Double weightKg, Double heightCm,
                         String facility, String stationName, String manufacturer, String model,
                         String accessionNumber, LocalDateTime studyDatetime, Modality modality,
                         String studyDescription, String indication) {
        /** A study is (facility, accession number). */
        public String studyKey() { return key(facility, accessionNumber); }
    }

    /**
     * The key of a study, (facility, accession number), as every stage spells it: the history store, the reports and the
     * counts of studies with a finding all key their studies so, and a second spelling would silently miss them.
     */
    public static String key(String facility, String accessionNumber) { return facility + "\u001f" + accessionNumber; }

    /** The study-level columns. */
    public Header getHeader() { return header; }

    /** Events are put in time order (then by content) so that results never depend on the order of the input. */
    public Study(Header h, boolean pediatric, boolean inPeriod, List<EventRecord> records) {
        this(h, pediatric, inPeriod, records, List.of());
    }

    /** With the lines of the study's rejected rows, in file and line order. */
    public Study(Header h, boolean pediatric, boolean inPeriod, List<EventRecord> records, List<SourceLine> rejectedLines) {
        this.header = h;
        this.rejectedLines = List.copyOf(rejectedLines);
        this.pediatric = pediatric;
        this.inPeriod = inPeriod;
        this.hash = Objects.hash(h.facility(), h.accessionNumber());
        this.key = h.studyKey();

        List<EventRecord> sorted = new ArrayList<>(records);
        sorted.sort(EVENT_ORDER);
        Map<String, Double> dlpByProtocol = new HashMap<>();
        // The same sums on the phantom of each protocol's expected range, which the range is compared on; the same map
        // unless an acquisition was logged on the other phantom.
        Map<String, Double> rangeDlpByProtocol = dlpByProtocol;
        // A protocol whose diagnostic acquisition has no DLP has a total of the rest: at most understated.
        Set<String> dlpShort = Set.of();
        for (EventRecord r : sorted) {
            if (r.protocolName() != null && r.dlpMgycm() != null) {
                if (rangeDlpByProtocol == dlpByProtocol && r.protocol() != null && r.protocol().converts(r.phantomCm())) {
                    rangeDlpByProtocol = new HashMap<>(dlpByProtocol);
                }
                dlpByProtocol.merge(r.protocolName(), r.dlpMgycm(), Double::sum);
                if (rangeDlpByProtocol != dlpByProtocol) {
                    double onRange = r.protocol() == null ? r.dlpMgycm() : r.protocol().onRangePhantom(r.dlpMgycm(), r.phantomCm());
                    rangeDlpByProtocol.merge(r.protocolName(), onRange, Double::sum);
                }
            }
            if (r.protocolName() != null && r.dlpMgycm() == null && r.diagnostic()) {
                if (dlpShort.isEmpty()) dlpShort = new java.util.HashSet<>();
                dlpShort.add(r.protocolName());
            }
        }
        List<IrradiationEvent> built = new ArrayList<>(sorted.size());
        Set<String> seenProtocol = new java.util.HashSet<>();
        Set<TargetRegion> regionSet = EnumSet.noneOf(TargetRegion.class);
        for (EventRecord r : sorted) {
            boolean first = r.diagnostic() && r.protocolName() != null && seenProtocol.add(r.protocolName());
            built.add(new IrradiationEvent(this, built.size() + 1, r,
                    r.protocolName() == null ? null : dlpByProtocol.get(r.protocolName()),
                    r.protocolName() == null ? null : rangeDlpByProtocol.get(r.protocolName()),
                    r.protocolName() != null && dlpShort.contains(r.protocolName()), first));
            if (r.diagnostic() && r.targetRegion() != null) regionSet.add(r.targetRegion());
        }
        if (regionSet.isEmpty()) {
            for (EventRecord r : sorted) if (r.targetRegion() != null) regionSet.add(r.targetRegion());
        }
        this.events = Collections.unmodifiableList(built);
        this.regions = Collections.unmodifiableSet(regionSet);
    }

    private static final java.util.Comparator<String> TEXT = java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());
    private static final java.util.Comparator<Double> NUM = java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());
    static final java.util.Comparator<EventRecord> EVENT_ORDER = java.util.Comparator
            .comparing(EventRecord::eventDatetime, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(r -> r.acquisitionType() == null ? "" : r.acquisitionType().name())
            .thenComparing(EventRecord::eventUid, TEXT)
            .thenComparing(EventRecord::protocolName, TEXT)
            .thenComparing(EventRecord::ctdivolMgy, NUM)
            .thenComparing(EventRecord::dlpMgycm, NUM)
            .thenComparing(EventRecord::dapGycm2, NUM)
            .thenComparing(EventRecord::kvp, NUM)
            .thenComparing(EventRecord::source);

    public String getKey() { return key; }

    public String getPatientRef() { return header.patientRef(); }

    public double getAgeYears() { return header.ageYears(); }

    /** The age for a message, cut to one decimal so that a child never reads as having reached a limit. */
    public String getAgeText() { return CalendarAge.display(header.ageYears()); }

    public String getSex() { return header.sex(); }

    public Double getWeightKg() { return header.weightKg(); }

    public Double getHeightCm() { return header.heightCm(); }

    public String getFacility() { return header.facility(); }

    public String getStationName() { return header.stationName(); }

    public String getManufacturer() { return header.manufacturer(); }

    public String getModel() { return header.model(); }

    public String getAccessionNumber() { return header.accessionNumber(); }

    public LocalDateTime getStudyDatetime() { return header.studyDatetime(); }

    public Modality getModality() { return header.modality(); }

    public boolean isCt() { return header.modality() == Modality.CT; }

    /** Projection radiography (DX, CR). */
    public boolean isRadiography() { return header.modality() == Modality.DX || header.modality() == Modality.CR; }

    /** Fluoroscopy or fluoroscopically guided intervention (RF, XA). */
    public boolean isFluoroscopy() { return header.modality() == Modality.RF || header.modality() == Modality.XA; }

    /**
     * The procedure's reference air kerma: the sum of its events' Ka,r (an export of totals has one event holding
     * the total), over both planes of a biplane system. Summing the planes overstates the dose at any one skin
     * site, so a notification errs early rather than late. Null when no event gives one.
     */
    public Double getKarTotalMgy() {
        Double sum = null;
        for (IrradiationEvent e : events) if (e.getKar() != null) sum = (sum == null ? 0 : sum) + e.getKar();
        return sum;
    }

    /** The highest peak skin dose an event or the export's total gives; null when none does. */
    public Double getPeakSkinDoseMgy() {
        Double max = null;
        for (IrradiationEvent e : events) {
            if (e.getPeakSkinDose() != null && (max == null || e.getPeakSkinDose() > max)) max = e.getPeakSkinDose();
        }
        return max;
    }

    public String getStudyDescription() { return header.studyDescription(); }

    public String getIndication() { return header.indication(); }

    public boolean isPediatric() { return pediatric; }

    public boolean isInPeriod() { return inPeriod; }

    public List<IrradiationEvent> getEvents() { return events; }

    /** Regions of the diagnostic acquisitions (of all events when none is diagnostic). */
    public Set<TargetRegion> getRegions() { return regions; }

    /** Regions of every event, localizers included: what the scanner's accumulated dose check sees. */
    public Set<TargetRegion> getAllRegions() {
        Set<TargetRegion> all = EnumSet.noneOf(TargetRegion.class);
        for (IrradiationEvent e : events) if (e.getTargetRegion() != null) all.add(e.getTargetRegion());
        return all;
    }

    public boolean overlapsRegion(Study other) {
        for (TargetRegion a : regions) for (TargetRegion b : other.regions) if (a.overlaps(b)) return true;
        return false;
    }

    /** Hours from the other study's start to this one's (positive when the other came first). */
    public double hoursAfter(Study other) {
        return Duration.between(other.getStudyDatetime(), getStudyDatetime()).toSeconds() / 3600.0;
    }

    /** Strict order of studies by start, then key, so "the earlier study" is always defined. */
    public boolean startsBefore(Study other) {
        int c = getStudyDatetime().compareTo(other.getStudyDatetime());
        return c < 0 || (c == 0 && getKey().compareTo(other.getKey()) < 0);
    }

    /** The study has at least one diagnostic acquisition: a study of localizers only was aborted, not performed. */
    public boolean isDiagnostic() {
        for (IrradiationEvent e : events) if (e.isDiagnostic()) return true;
        return false;
    }

    /**
     * The most diagnostic acquisitions over any one region: lets the rules skip, with a plain constraint, the
     * studies where no region can count (most of them) before looking region by region.
     */
    public long getMostDiagnosticEventsOverOneRegion() {
        // One pass over the events counting every region at once: the rules ask this of every CT study.
        int[] counts = new int[TargetRegion.ALL.length];
        for (IrradiationEvent e : events) {
            TargetRegion t = e.getTargetRegion();
            if (!e.isDiagnostic() || t == null) continue;
            for (TargetRegion r : t.covered()) counts[r.ordinal()]++;
        }
        long most = 0;
        for (int c : counts) most = Math.max(most, c);
        return most;
    }

    /** The largest accumulated CTDIvol over any one region (0 without CTDIvol), for the same reason. */
    public double getMostAccumulatedCtdivol() {
        // The sums of accumulatedCtdivolOver, added in the same order, for every region in one pass.
        double[] sums = new double[TargetRegion.ALL.length];
        for (IrradiationEvent e : events) {
            TargetRegion t = e.getTargetRegion();
            if (t == null || e.getCtdivol() == null) continue;
            double v = e.getCtdivol();
            for (TargetRegion r : t.covered()) sums[r.ordinal()] += v;
        }
        double most = 0;
        for (double sum : sums) most = Math.max(most, sum);
        return most;
    }

    /**
     * Diagnostic acquisitions whose region covers this one: an abdomen-pelvis phase and an abdomen-only phase are
     * two acquisitions over the abdomen, a chest re-scan inside a chest-abdomen-pelvis study two over the chest.
     */
    public long diagnosticEventsOver(TargetRegion region) {
        long n = 0;
        for (IrradiationEvent e : events) if (e.isDiagnostic() && e.getTargetRegion() != null && e.getTargetRegion().covers(region)) n++;
        return n;
    }

    /** Accumulated CTDIvol of every event (localizers included) whose region covers this one; null without any. */
    public Double accumulatedCtdivolOver(TargetRegion region) {
        double sum = 0;
        boolean any = false;
        for (IrradiationEvent e : events) {
            if (e.getTargetRegion() != null && e.getTargetRegion().covers(region) && e.getCtdivol() != null) {
                sum += e.getCtdivol();
                any = true;
            }
        }
        return any ? sum : null;
    }

    /**
     * Each device protocol of the study whose doses fall outside the catalog's expected range, with the quantity
     * furthest outside; computed when asked, since only the expected-range rules need it.
     */
    public List<ExpectedRangeCheck> getExpectedRangeChecks() {
        List<ExpectedRangeCheck> checks = expectedRangeChecks;
        if (checks == null) expectedRangeChecks = checks = ExpectedRangeCheck.of(this);
        return checks;
    }

    /** The regions to report two or more diagnostic acquisitions over, one per group of acquisitions (multiphase). */
    public List<TargetRegion> multiphaseRegions() {
        return leadingRegions(r -> diagnosticEventsOver(r), 1);
    }

    /** The regions whose accumulated CTDIvol is above the value, one per group of events (the alert value). */
    public List<TargetRegion> accumulationRegionsAbove(double value) {
        return leadingRegions(r -> {
            Double sum = accumulatedCtdivolOver(r);
            return sum == null ? 0 : sum;
        }, value);
    }

    /**
     * The regions whose measure is above the value and not beaten by an overlapping region's: a higher measure
     * wins, and of equal ones the wider region, so two chest-abdomen-pelvis phases are reported once over the
     * chest-abdomen-pelvis, not again over the chest, the abdomen and the pelvis; a head and a chest counted
     * apart are two findings.
     */
    private List<TargetRegion> leadingRegions(java.util.function.ToDoubleFunction<TargetRegion> measure, double above) {
        TargetRegion[] all = TargetRegion.ALL;
        double[] m = new double[all.length];
        for (int i = 0; i < all.length; i++) m[i] = measure.applyAsDouble(all[i]);
        List<TargetRegion> out = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            if (!(m[i] > above)) continue;
            boolean beaten = false;
            for (int j = 0; j < all.length && !beaten; j++) {
                if (j == i || !all[j].overlaps(all[i])) continue;
                beaten = m[j] > m[i] || (m[j] == m[i] && (all[j].width() > all[i].width()
                        || (all[j].width() == all[i].width() && j < i)));
            }
            if (!beaten) out.add(all[i]);
        }
        return out;
    }

    /**
     * Whether some of the study's rows were rejected: its total DLP and accumulated doses are then understated, so
     * it gives no DLP to a median or a below-range verdict, while each audited acquisition's own CTDIvol still counts.
     */
    public boolean isIncomplete() { return !rejectedLines.isEmpty(); }

    /** The lines of the study's rejected rows, in file and line order. */
    public List<SourceLine> getRejectedLines() { return rejectedLines; }

    /** What the rows a study lost do to what the audit says of it, by modality: the end of STUDY_INCOMPLETE's message. */
    public String getIncompleteConsequence() {
        if (isCt()) return "its DLP total and accumulated doses are understated and its DLP enters no median";
        if (isFluoroscopy()) return "its DAP, Ka,r and peak skin dose are understated and its DAP enters no typical value";
        return "its exposures in those rows are not audited";
    }

    /** "scan.csv:812, scan.csv:815 and 3 more": where a message points the reader to, kept to one short line. */
    public String getRejectedLinesText() {
        int shown = Math.min(3, rejectedLines.size());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shown; i++) b.append(i == 0 ? "" : ", ").append(rejectedLines.get(i));
        if (rejectedLines.size() > shown) b.append(" and ").append(rejectedLines.size() - shown).append(" more");
        return b.toString();
    }

    public Set<SourceLine> getLines() {
        Set<SourceLine> s = new TreeSet<>();
        for (IrradiationEvent e : events) s.add(e.getSource());
        return s;
    }

    @Override
    public String toString() { return "Study[" + header.facility() + " " + header.accessionNumber() + " " + header.studyDatetime() + "]"; }

    @Override
    public boolean equals(Object o) { return this == o; }

    @Override
    public int hashCode() { return hash; }
}

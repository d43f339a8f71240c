package org.alaraaudit.audit.aggregate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.alaraaudit.audit.spill.DoseValueFile;
import org.alaraaudit.audit.spill.SpillIn;
import org.alaraaudit.audit.spill.SpillOut;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.model.ProtocolUse;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.ReferenceLevels;

/**
 * Counts the period's studies as they pass, one patient at a time, so the compliance figures and the period-level
 * facts never need the whole input in memory.
 *
 * <p>Tallies of disjoint sets of patients merge: a tally whose dose samples are kept elsewhere
 * ({@link DoseSample.Elsewhere}) writes its counts with {@link #write}, and another such tally takes them in with
 * {@link #merge}; frozen, its samples read their quantiles from the store. A Spark run tallies each partition of
 * patients so and merges the parts on the driver, with the medians computed by Spark.
 */
public final class PeriodTally {
    private long studies;
    private long pediatricStudies;
    private long events;
    private long ctStudies;
    private long pediatricCtStudies;
    private long rowsOutsidePeriod;
    /** The first and last study day outside the period: what an empty period's report names, to catch a mistyped period. */
    private LocalDate firstOutside;
    private LocalDate lastOutside;
    private LocalDate first;
    private LocalDate last;
    private final Map<String, Long> byModality = new TreeMap<>();
    private final Map<String, Long> byFacility = new TreeMap<>();
    /** Per facility: pediatric studies, CT studies, pediatric CT studies. */
    private final Map<String, long[]> facilityCounts = new TreeMap<>();
    private final Map<String, ProtocolStatistics> protocols = new TreeMap<>();
    private final Map<String, PediatricUse> pediatricUses = new TreeMap<>();
    private final PackedLines.Files lineFiles = new PackedLines.Files();
    private final java.util.function.Function<IrradiationEvent, Double> ssde;
    private final DrlTally drl;
    private final MarrowDoseProfile.Counter marrowProfile = new MarrowDoseProfile.Counter();

    private final DoseValueFile doses = new DoseValueFile(DoseSample.BLOCK);
    /** A new dose sample by its id: kept in the tally's file, or elsewhere. */
    private final java.util.function.Function<String, DoseSample> samples;
    /** Pediatric protocol uses seen, numbering them within a patient for {@link PediatricUse#seen}. */
    private long uses;

    /** {@code ssde}: an acquisition's SSDE in mGy, null when the log allows none (never from age). */
    public PeriodTally(int drlMinSampleStudies, java.util.function.Function<IrradiationEvent, Double> ssde) {
        this(drlMinSampleStudies, ssde, null);
    }

    /** A tally whose dose values go to {@code elsewhere} (null: kept by the tally), so that parts of it can merge. */
    public PeriodTally(int drlMinSampleStudies, java.util.function.Function<IrradiationEvent, Double> ssde,
                       DoseSample.Elsewhere elsewhere) {
        this.samples = elsewhere == null ? id -> new DoseSample(doses) : id -> new DoseSample(id, elsewhere);
        this.drl = new DrlTally(drlMinSampleStudies, samples);
        this.ssde = ssde;
    }

    /** Every study is in: the samples keep their quantiles, and the dose values and their file go. */
    public void finish() {
        try {
            drl.freeze();
            protocols.values().forEach(ProtocolStatistics::freeze);
            pediatricUses.values().forEach(u -> u.body32cmSsde.freeze());
        } finally {
            doses.close();
        }
    }

    /**
     * How one station used one protocol on children this period: the source of the period-level findings on a
     * protocol use (UNMAPPED_PROTOCOL, PEDIATRIC_BODY_32CM_PHANTOM), so that a catalog gap or a phantom
     * convention is one finding for the protocol, not one per child.
     */
    private static final class PediatricUse {
        final String facility;
        final String station;
        /** The name as first seen (names differing in case or spacing are one use): the first patient's by pseudonym. */
        String protocol;
        String firstPatient;
        long firstSeq;
        final boolean mapped;
        int studies;
        final Set<SourceLine> lines = new java.util.TreeSet<>();
        int body32cmStudies;
        final PackedLines body32cmLines;
        final DoseSample body32cmSsde;

        PediatricUse(String facility, String station, String protocol, boolean mapped, PackedLines.Files files, DoseSample ssde) {
            this.facility = facility;
            this.station = station;
            this.protocol = protocol;
            this.mapped = mapped;
            this.body32cmLines = new PackedLines(files);
            this.body32cmSsde = ssde;
        }

        /**
         * The use met under {@code name} in patient {@code patient}'s {@code seq}-th use: the name of the earliest
         * meeting in pseudonym order stays, however the patients came (one machine hands them over in that order).
         */
        void seen(String name, String patient, long seq) {
            if (firstPatient != null) {
                int c = java.util.Comparator.<String>nullsFirst(java.util.Comparator.naturalOrder()).compare(patient, firstPatient);
                if (c > 0 || (c == 0 && seq >= firstSeq)) return;
            }
            protocol = name;
            firstPatient = patient;
            firstSeq = seq;
        }

        ProtocolUse fact() {
            ProtocolUse.Body32cm body = body32cmStudies == 0 ? null : new ProtocolUse.Body32cm(body32cmStudies,
                    body32cmSsde.size(), body32cmSsde.median(), body32cmLines.sorted());
            return new ProtocolUse(facility, station, protocol, mapped, studies, mapped ? List.of() : List.copyOf(lines), body);
        }
    }

    public void add(Study s) {
        if (!s.isInPeriod()) {
            rowsOutsidePeriod += s.getEvents().size();
            LocalDate d = s.getStudyDatetime().toLocalDate();
            if (firstOutside == null || d.isBefore(firstOutside)) firstOutside = d;
            if (lastOutside == null || d.isAfter(lastOutside)) lastOutside = d;
            return;
        }
        LocalDate d = s.getStudyDatetime().toLocalDate();
        if (first == null || d.isBefore(first)) first = d;
        if (last == null || d.isAfter(last)) last = d;
        studies++;
        events += s.getEvents().size();
        byModality.merge(s.getModality().name(), 1L, Long::sum);
        byFacility.merge(s.getFacility(), 1L, Long::sum);
        long[] site = facilityCounts.computeIfAbsent(s.getFacility(), k -> new long[3]);
        if (s.isPediatric()) pediatricStudies++;
        if (s.isPediatric()) site[0]++;
        if (!s.isCt()) return;
        drl.add(s);
        ctStudies++;
        site[1]++;
        if (s.isPediatric()) pediatricCtStudies++;
        if (s.isPediatric()) site[2]++;
        Set<String> usedInStudy = new HashSet<>();
        Set<String> body32cmInStudy = new HashSet<>();
        for (IrradiationEvent e : s.getEvents()) {
            if (e.getProtocolName() == null) continue;
            ProtocolStatistics p = protocols.computeIfAbsent(s.getFacility() + "\u001f" + s.getStationName() + "\u001f" + e.getStandardProtocol(),
                    k -> new ProtocolStatistics(s.getFacility(), s.getStationName(), e.getStandardProtocol(), samples));
            // A study that lost a row, or an acquisition's DLP, may lack some of this protocol's DLP: it is counted,
            // its DLP is not.
            if (e.isFirstOfProtocol()) {
                p.countStudy(s.isPediatric(), s.isIncomplete() || e.isStudyProtocolDlpShort() ? null : e.getStudyProtocolDlp());
            }
            if (e.isDiagnostic() && e.getCtdivol() != null) p.addCtdivol(e.getCtdivol());
            if (e.isDiagnostic()) p.addAcquisition(e, e.getCtdivol() == null ? null : ssde.apply(e));
            if (!s.isPediatric()) continue;
            // An unmapped name's standard name is the name itself (catalog: blank standard_name); names that
            // differ only in case or spacing are one catalog gap, since catalog patterns ignore case.
            String name = e.getStandardProtocol();
            boolean mapped = e.isMapped();
            String key = (mapped ? mappedUseKeys : unmappedUseKeys).computeIfAbsent(name,
                    n -> (mapped ? "M" : "U") + n.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " "));
            PediatricUse u = pediatricUse(s.getFacility() + "\u001f" + s.getStationName() + "\u001f" + key, s.getFacility(),
                    s.getStationName(), name, mapped);
            u.seen(name, s.getPatientRef(), uses++);
            if (usedInStudy.add(key)) u.studies++;
            if (!mapped) u.lines.add(e.getSource());
            if (e.isDiagnostic() && e.isBody() && e.getPhantom() == 32 && e.getCtdivol() != null) {
                if (body32cmInStudy.add(key)) u.body32cmStudies++;
                u.body32cmLines.add(e.getSource());
                Double mgy = ssde.apply(e);
                if (mgy != null) u.body32cmSsde.add(mgy);
            }
        }
    }

    /**
     * The use key of each protocol name met, as {@link #pediatricUses} has a use for each: a regex replacement on
     * every pediatric event was a tenth of the tally's time.
     */
    private final Map<String, String> mappedUseKeys = new HashMap<>();
    private final Map<String, String> unmappedUseKeys = new HashMap<>();

    private PediatricUse pediatricUse(String key, String facility, String station, String name, boolean mapped) {
        return pediatricUses.computeIfAbsent(key, k -> new PediatricUse(facility, station, name, mapped, lineFiles,
                samples.apply("use\u001f" + k)));
    }

    /** Period-level facts for the rules that look across patients. */
    public List<Object> periodFacts() {
        List<Object> facts = new ArrayList<>();
        for (PediatricUse u : pediatricUses.values()) {
            if (!u.mapped || u.body32cmStudies > 0) facts.add(u.fact());
        }
        facts.addAll(drl.groups());
        return facts;
    }

    /** A pediatric CT patient of the period: their cumulative marrow dose, null when nothing could be estimated. */
    public void addPediatricMarrowDose(Double mgy) { marrowProfile.add(mgy); }

    public List<DrlGroup> drlGroups() { return drl.rows(); }

    public long rowsOutsidePeriod() { return rowsOutsidePeriod; }

    public LocalDate first() { return first; }

    /** The first day of the input's studies, in the period or not; null without any study. */
    public LocalDate firstStudyDay() { return earlier(first, firstOutside); }

    /** The last day of the input's studies, in the period or not; null without any study. */
    public LocalDate lastStudyDay() { return later(last, lastOutside); }

    private static LocalDate earlier(LocalDate a, LocalDate b) { return a == null ? b : b == null || a.isBefore(b) ? a : b; }

    private static LocalDate later(LocalDate a, LocalDate b) { return a == null ? b : b == null || a.isAfter(b) ? a : b; }

    public LocalDate last() { return last; }

    public List<ProtocolStatistics> protocols() { return List.copyOf(protocols.values()); }

    public ComplianceFigures figures(FindingCounts found, int windowDays, double phantomFactor, String phantomFactorSource) {
        int adultProtocol = found.adultProtocolStudies.size();
        int repeated = found.repeatedStudies.size();
        Double compliance = pediatricCtStudies == 0 ? null : 1.0 - (double) adultProtocol / pediatricCtStudies;
        Double repeatRate = ctStudies == 0 ? null : (double) repeated / ctStudies;
        return new ComplianceFigures(studies, pediatricStudies, events, byModality, ctStudies, pediatricCtStudies,
                adultProtocol, compliance, repeated, repeatRate, found.byRule, found.bySeverity, found.byFacility,
                found.byStation, found.byProtocol, byFacility, marrowProfile.profile(windowDays, phantomFactor, phantomFactorSource),
                facilities(found));
    }

    private List<FacilityFigures> facilities(FindingCounts found) {
        List<FacilityFigures> out = new ArrayList<>();
        facilityCounts.forEach((facility, c) -> out.add(new FacilityFigures(facility, byFacility.getOrDefault(facility, 0L),
                c[0], c[1], c[2], ofFacility(found.adultProtocolStudies, facility), ofFacility(found.repeatedStudies, facility),
                found.byFacility.getOrDefault(facility == null ? "(none)" : facility, 0L))));
        return out;
    }

    /** Study keys are facility, unit separator, accession. */
    private static long ofFacility(Set<String> studyKeys, String facility) {
        String prefix = facility + "\u001f";
        return studyKeys.stream().filter(k -> k.startsWith(prefix)).count();
    }

    /**
     * This part's counts, groups and lines, for {@link #merge} (the dose values are kept elsewhere). DRL groups name
     * their level by its place in {@code levels}, which the merging side has loaded from the same rules.
     */
    public void write(SpillOut out, ReferenceLevels levels) throws IOException {
        for (long n : new long[] {studies, pediatricStudies, events, ctStudies, pediatricCtStudies, rowsOutsidePeriod}) out.longWhole(n);
        out.text(first == null ? null : first.toString());
        out.text(last == null ? null : last.toString());
        out.text(firstOutside == null ? null : firstOutside.toString());
        out.text(lastOutside == null ? null : lastOutside.toString());
        writeCounts(out, byModality);
        writeCounts(out, byFacility);
        out.integer(facilityCounts.size());
        for (Map.Entry<String, long[]> e : facilityCounts.entrySet()) {
            out.text(e.getKey());
            for (long n : e.getValue()) out.longWhole(n);
        }
        out.integer(protocols.size());
        for (ProtocolStatistics p : protocols.values()) {
            out.text(p.facility());
            out.text(p.stationName());
            out.text(p.standardProtocol());
            p.write(out);
        }
        out.integer(pediatricUses.size());
        for (Map.Entry<String, PediatricUse> e : pediatricUses.entrySet()) {
            PediatricUse u = e.getValue();
            out.text(e.getKey());
            out.text(u.facility);
            out.text(u.station);
            out.text(u.protocol);
            out.flag(u.mapped);
            out.text(u.firstPatient);
            out.longWhole(u.firstSeq);
            out.integer(u.studies);
            PackedLines.write(out, List.copyOf(u.lines));
            out.integer(u.body32cmStudies);
            PackedLines.write(out, u.body32cmLines.sorted());
            out.longWhole(u.body32cmSsde.count());
        }
        drl.write(out, levels);
        marrowProfile.write(out);
    }

    /** Adds a part written by {@link #write}: the same period's tally of other patients. */
    public void merge(SpillIn in, ReferenceLevels levels) throws IOException {
        studies += in.longWhole();
        pediatricStudies += in.longWhole();
        events += in.longWhole();
        ctStudies += in.longWhole();
        pediatricCtStudies += in.longWhole();
        rowsOutsidePeriod += in.longWhole();
        String f = in.text();
        String l = in.text();
        if (f != null && (first == null || LocalDate.parse(f).isBefore(first))) first = LocalDate.parse(f);
        if (l != null && (last == null || LocalDate.parse(l).isAfter(last))) last = LocalDate.parse(l);
        String fo = in.text();
        String lo = in.text();
        if (fo != null) firstOutside = earlier(firstOutside, LocalDate.parse(fo));
        if (lo != null) lastOutside = later(lastOutside, LocalDate.parse(lo));
        mergeCounts(in, byModality);
        mergeCounts(in, byFacility);
        for (int n = in.integer(); n > 0; n--) {
            long[] site = facilityCounts.computeIfAbsent(in.text(), k -> new long[3]);
            for (int i = 0; i < site.length; i++) site[i] += in.longWhole();
        }
        for (int n = in.integer(); n > 0; n--) {
            String facility = in.text();
            String station = in.text();
            String protocol = in.text();
            protocols.computeIfAbsent(facility + "\u001f" + station + "\u001f" + protocol,
                    k -> new ProtocolStatistics(facility, station, protocol, samples)).merge(in);
        }
        for (int n = in.integer(); n > 0; n--) {
            String key = in.text();
            String facility = in.text();
            String station = in.text();
            String name = in.text();
            boolean mapped = in.flag();
            PediatricUse u = pediatricUse(key, facility, station, name, mapped);
            String firstPatient = in.text();
            long firstSeq = in.longWhole();
            u.seen(name, firstPatient, firstSeq);
            u.studies += in.integer();
            u.lines.addAll(PackedLines.read(in));
            u.body32cmStudies += in.integer();
            u.body32cmLines.addAll(PackedLines.read(in));
            u.body32cmSsde.addCount(in.longWhole());
        }
        drl.merge(in, levels);
        marrowProfile.merge(in);
    }

    private static void writeCounts(SpillOut out, Map<String, Long> counts) throws IOException {
        out.integer(counts.size());
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            out.text(e.getKey());
            out.longWhole(e.getValue());
        }
    }

    private static void mergeCounts(SpillIn in, Map<String, Long> counts) throws IOException {
        for (int n = in.integer(); n > 0; n--) counts.merge(in.text(), in.longWhole(), Long::sum);
    }
}

package org.alaraaudit.audit.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.alaraaudit.audit.spill.DoseValueFile;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.model.ProtocolUse;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.Study;

/**
 * Counts the period's studies as they pass, one patient at a time, so the compliance figures and the period-level
 * facts never need the whole input in memory.
 */
public final class PeriodTally {
    private long studies;
    private long pediatricStudies;
    private long events;
    private long ctStudies;
    private long pediatricCtStudies;
    private long rowsOutsidePeriod;
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

    /** {@code ssde}: an acquisition's SSDE in mGy, null when the log allows none (never from age). */
    public PeriodTally(int drlMinSampleStudies, java.util.function.Function<IrradiationEvent, Double> ssde) {
        this.drl = new DrlTally(drlMinSampleStudies, doses);
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
        final String protocol;
        final boolean mapped;
        int studies;
        final Set<SourceLine> lines = new java.util.TreeSet<>();
        int body32cmStudies;
        final PackedLines body32cmLines;
        final DoseSample body32cmSsde;

        PediatricUse(String facility, String station, String protocol, boolean mapped, PackedLines.Files files, DoseValueFile doses) {
            this.facility = facility;
            this.station = station;
            this.protocol = protocol;
            this.mapped = mapped;
            this.body32cmLines = new PackedLines(files);
            this.body32cmSsde = new DoseSample(doses);
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
                    k -> new ProtocolStatistics(s.getFacility(), s.getStationName(), e.getStandardProtocol(), doses));
            if (e.isFirstOfProtocol()) p.countStudy(s.isPediatric(), e.getStudyProtocolDlp());
            if (e.isDiagnostic() && e.getCtdivol() != null) p.addCtdivol(e.getCtdivol());
            if (e.isDiagnostic()) p.addAcquisition(e, e.getCtdivol() == null ? null : ssde.apply(e));
            if (!s.isPediatric()) continue;
            // An unmapped name's standard name is the name itself (catalog: blank standard_name); names that
            // differ only in case or spacing are one catalog gap, since catalog patterns ignore case.
            String name = e.getStandardProtocol();
            boolean mapped = e.isMapped();
            String key = (mapped ? "M" : "U") + name.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            PediatricUse u = pediatricUses.computeIfAbsent(s.getFacility() + "\u001f" + s.getStationName() + "\u001f" + key,
                    k -> new PediatricUse(s.getFacility(), s.getStationName(), name, mapped, lineFiles, doses));
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
}

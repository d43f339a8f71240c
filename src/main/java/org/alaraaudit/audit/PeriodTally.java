package org.alaraaudit.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.model.ProtocolUse;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.Study;

/**
 * Counts the period's studies as they pass, one patient at a time, so the compliance figures and the period-level
 * facts never need the whole input in memory.
 */
final class PeriodTally {
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
    private final Map<String, ProtocolStatistics> protocols = new TreeMap<>();
    private final Map<String, UnmappedUse> unmapped = new TreeMap<>();
    private final DrlTally drl;
    private final MarrowDoseProfile.Counter marrowProfile = new MarrowDoseProfile.Counter();

    private final DoseValueFile doses = new DoseValueFile();

    PeriodTally(int drlMinSampleStudies) { this.drl = new DrlTally(drlMinSampleStudies, doses); }

    /** Every study is in: the samples keep their quantiles, and the dose values and their file go. */
    void finish() {
        try {
            drl.freeze();
            protocols.values().forEach(ProtocolStatistics::freeze);
        } finally {
            doses.close();
        }
    }

    private static final class UnmappedUse {
        final String facility;
        final String station;
        final String protocol;
        int studies;
        final Set<SourceLine> lines = new java.util.TreeSet<>();

        UnmappedUse(String facility, String station, String protocol) {
            this.facility = facility;
            this.station = station;
            this.protocol = protocol;
        }
    }

    void add(Study s) {
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
        if (s.isPediatric()) pediatricStudies++;
        if (!s.isCt()) return;
        drl.add(s);
        ctStudies++;
        if (s.isPediatric()) pediatricCtStudies++;
        Set<String> unmappedInStudy = new HashSet<>();
        for (IrradiationEvent e : s.getEvents()) {
            if (e.getProtocolName() == null) continue;
            ProtocolStatistics p = protocols.computeIfAbsent(s.getFacility() + "\u001f" + s.getStationName() + "\u001f" + e.getStandardProtocol(),
                    k -> new ProtocolStatistics(s.getFacility(), s.getStationName(), e.getStandardProtocol(), doses));
            if (e.isFirstOfProtocol()) p.countStudy(s.isPediatric(), e.getStudyProtocolDlp());
            if (e.isDiagnostic() && e.getCtdivol() != null) p.addCtdivol(e.getCtdivol());
            if (s.isPediatric() && !e.isMapped()) {
                // An unmapped name's standard name is the name itself (catalog: blank standard_name); names that
                // differ only in case or spacing are one catalog gap, since catalog patterns ignore case.
                String name = e.getStandardProtocol();
                String key = name.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
                UnmappedUse u = unmapped.computeIfAbsent(s.getFacility() + "\u001f" + s.getStationName() + "\u001f" + key,
                        k -> new UnmappedUse(s.getFacility(), s.getStationName(), name));
                if (unmappedInStudy.add(key)) u.studies++;
                u.lines.add(e.getSource());
            }
        }
    }

    /** Period-level facts for the rules that look across patients. */
    List<Object> periodFacts() {
        List<Object> facts = new ArrayList<>();
        for (UnmappedUse u : unmapped.values()) {
            facts.add(new ProtocolUse(u.facility, u.station, u.protocol, false, u.studies, List.copyOf(u.lines)));
        }
        facts.addAll(drl.groups());
        return facts;
    }

    /** A pediatric CT patient of the period: their cumulative marrow dose, null when nothing could be estimated. */
    void addPediatricMarrowDose(Double mgy) { marrowProfile.add(mgy); }

    List<DrlGroup> drlGroups() { return drl.rows(); }

    long rowsOutsidePeriod() { return rowsOutsidePeriod; }

    LocalDate first() { return first; }

    LocalDate last() { return last; }

    List<ProtocolStatistics> protocols() { return List.copyOf(protocols.values()); }

    /** One pass over the findings: a spilled log is read from disk on every pass. */
    ComplianceFigures figures(List<Finding> findings, int windowDays, double phantomFactor, String phantomFactorSource) {
        Set<String> adultProtocol = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (org.alaraaudit.model.Severity sev : org.alaraaudit.model.Severity.values()) bySeverity.put(sev.name(), 0L);
        Map<String, Long> byRule = counts();
        Map<String, Long> byFacilityFound = counts();
        Map<String, Long> byStation = counts();
        Map<String, Long> byProtocol = counts();
        for (Finding f : findings) {
            if (f.ruleId().equals("PEDIATRIC_ADULT_PROTOCOL")) adultProtocol.add(f.facility() + "\u001f" + f.accessionNumber());
            if (f.ruleId().equals("REPEAT_STUDY")) repeated.add(f.facility() + "\u001f" + f.accessionNumber());
            bySeverity.merge(f.severity().name(), 1L, Long::sum);
            count(byRule, f.ruleId());
            count(byFacilityFound, f.facility());
            count(byStation, f.stationName());
            count(byProtocol, f.standardProtocol());
        }
        Double compliance = pediatricCtStudies == 0 ? null : 1.0 - (double) adultProtocol.size() / pediatricCtStudies;
        Double repeatRate = ctStudies == 0 ? null : (double) repeated.size() / ctStudies;
        return new ComplianceFigures(studies, pediatricStudies, events, byModality, ctStudies, pediatricCtStudies,
                adultProtocol.size(), compliance, repeated.size(), repeatRate, byRule, bySeverity, byFacilityFound,
                byStation, byProtocol, byFacility, marrowProfile.profile(windowDays, phantomFactor, phantomFactorSource));
    }

    private static Map<String, Long> counts() { return new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder())); }

    private static void count(Map<String, Long> m, String key) { m.merge(key == null ? "(none)" : key, 1L, Long::sum); }
}

package org.alaraaudit.history;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.alaraaudit.audit.StudyDose;
import org.alaraaudit.audit.aggregate.GroupContrast;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.DoseMetric;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.model.ReferenceLevel;
import org.alaraaudit.model.Study;
import org.alaraaudit.model.TargetRegion;

/**
 * What the store keeps of one study: the pseudonym (never the patient id), place, time, regions, age and
 * pediatric flag, the dose estimates CUMULATIVE_DOSE sums, and the dose values the trend's medians need.
 * {@code audited} is false for a study that only served as history in its run.
 */
record StoredStudy(String facility, String accessionNumber, boolean audited, String patientRef, String stationName,
                   LocalDateTime studyDatetime, String modality, boolean pediatric, double ageYears, String regions,
                   String mainProtocol, int events, StudyDose marrow, StudyDose effective, List<DoseValue> doseValues) {

    String key() { return Study.key(facility, accessionNumber); }

    static StoredStudy of(Study s, Function<Study, List<StudyDose>> doses) {
        StudyDose marrow = null;
        StudyDose effective = null;
        if (s.isCt()) {
            for (StudyDose d : doses.apply(s)) {
                if (d.metric() == DoseMetric.RED_MARROW_DOSE) marrow = d;
                else if (d.metric() == DoseMetric.EFFECTIVE_DOSE) effective = d;
            }
        }
        return new StoredStudy(s.getFacility(), s.getAccessionNumber(), s.isInPeriod(), s.getPatientRef(), s.getStationName(),
                s.getStudyDatetime(), s.getModality().name(), s.isPediatric(), s.getAgeYears(), regions(s.getRegions()),
                mainProtocol(s), s.getEvents().size(), marrow, effective, s.isCt() ? doseValues(s) : List.of());
    }

    static String regions(Set<TargetRegion> regions) {
        Set<String> names = new TreeSet<>();
        regions.forEach(r -> names.add(r.name()));
        return String.join(",", names);
    }

    /** The standard protocol of the first diagnostic acquisition: what "by protocol" files the study under. */
    private static String mainProtocol(Study s) {
        for (IrradiationEvent e : s.getEvents()) if (e.isDiagnostic() && e.getProtocolName() != null) return e.getStandardProtocol();
        for (IrradiationEvent e : s.getEvents()) if (e.getProtocolName() != null) return e.getStandardProtocol();
        return null;
    }

    /**
     * CTDIvol per diagnostic acquisition, and for a pediatric study its DLP per exam type the way the audit's
     * DRL table takes it (audit.DrlTally): the total over the exam type's regions, localizers included, none
     * when a diagnostic acquisition lacks its DLP or a row of the study was rejected, on the other phantom when the
     * events mix phantoms.
     */
    private static List<DoseValue> doseValues(Study s) {
        List<DoseValue> out = new ArrayList<>();
        Set<ReferenceLevel> levels = new LinkedHashSet<>();
        for (IrradiationEvent e : s.getEvents()) {
            if (!e.isDiagnostic()) continue;
            ReferenceLevel l = s.isPediatric() ? e.getReferenceLevel() : null;
            if (l != null) levels.add(l);
            if (e.getCtdivol() != null) {
                ReferenceLevel judged = l != null && l.ctdivolMgy() != null ? l : null;
                out.add(new DoseValue(DoseValue.CTDIVOL, e.getStandardProtocol(), e.getCtdivol(), e.getPhantom(), judged,
                        judged == null ? null : GroupContrast.label(judged, e.getContrast()), DoseValue.examContrast(e.getContrast())));
            }
        }
        for (ReferenceLevel l : levels) {
            // A study that lost rows to rejection has an understated DLP: the trend's medians leave it out, as the audit's.
            if (l.dlpMgycm() == null || s.isIncomplete()) continue;
            DoseValue dlp = studyDlp(s, l);
            if (dlp != null) out.add(dlp);
        }
        return out;
    }

    private static DoseValue studyDlp(Study s, ReferenceLevel l) {
        double total = 0;
        Set<Integer> phantoms = new TreeSet<>();
        for (IrradiationEvent e : s.getEvents()) {
            if (!l.targetRegions().contains(e.getTargetRegion())) continue;
            if (e.getDlp() == null) {
                if (e.isDiagnostic()) return null;
                continue;
            }
            total += e.getDlp();
            phantoms.add(e.getPhantom());
        }
        if (phantoms.isEmpty()) return null;
        int phantom = phantoms.size() > 1 ? (l.phantomCm() == 16 ? 32 : 16) : phantoms.iterator().next();
        // As the audit's DRL table: a study's DLP goes by the study's contrast, its first event's.
        Contrast contrast = s.getEvents().get(0).getContrast();
        return new DoseValue(DoseValue.DLP, null, total, phantom, l, GroupContrast.label(l, contrast), DoseValue.examContrast(contrast));
    }
}

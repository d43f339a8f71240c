package org.alaraaudit.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alaraaudit.dosimetry.EffectiveDoseEstimate;
import org.alaraaudit.dosimetry.MarrowDoseEstimate;
import org.alaraaudit.model.CumulativeDose;
import org.alaraaudit.model.DoseMetric;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.CumulativeDoseLevels;
import org.alaraaudit.rules.DoseEstimates;

/**
 * A patient's cumulative doses over the look-back window ending at the period's end: red-marrow dose per
 * CT event with CTDIvol (NCICT) and effective dose per CT event (DLP x k), summed over the window's studies
 * from the input and from the history store. The results become {@link CumulativeDose} facts of the patient's
 * rule session and feed the period's marrow-dose profile.
 */
public final class PatientDoses {
    private final DoseEstimates estimates;
    private final CumulativeDoseLevels levels;
    private final int windowDays;
    private final DoseHistory history;

    /** What one patient contributes: the rule facts, and the marrow total for the profile (pediatric only). */
    public record Assessment(List<CumulativeDose> facts, boolean pediatricCtInPeriod, Double marrowMgy) {
        static final Assessment NONE = new Assessment(List.of(), false, null);
    }

    public PatientDoses(DoseEstimates estimates, CumulativeDoseLevels levels, int windowDays, DoseHistory history) {
        this.estimates = estimates;
        this.levels = levels;
        this.windowDays = windowDays;
        this.history = history;
    }

    /**
     * @param periodEnd last day of the audit period; null for a run over the whole input, where the window ends
     *                  at the patient's latest study in it
     */
    public Assessment assess(List<Study> studies, LocalDate periodEnd) {
        Study latest = null;
        for (Study s : studies) if (s.isInPeriod() && (latest == null || latest.startsBefore(s))) latest = s;
        if (latest == null) return Assessment.NONE;
        LocalDate to = periodEnd != null ? periodEnd : latest.getStudyDatetime().toLocalDate();
        LocalDate from = to.minusDays(windowDays - 1L);
        boolean pediatric = latest.isPediatric();

        Map<DoseMetric, Sum> sums = new EnumMap<>(DoseMetric.class);
        for (DoseMetric m : DoseMetric.values()) sums.put(m, new Sum());
        Set<String> inputKeys = new HashSet<>();
        // The profile counts the period's pediatric CT patients: a child's CT of the period, not a child's study of
        // another modality beside an adult's CT (a real report set gave 1 profiled patient and 0 pediatric CT studies).
        boolean pediatricCtInPeriod = false;
        // Marrow dose accrued as a child is still followed when the latest study falls after the pediatric limit.
        boolean childInWindow = pediatric;
        for (Study s : studies) {
            if (!s.isCt()) continue;
            if (s.isInPeriod() && s.isPediatric()) pediatricCtInPeriod = true;
            LocalDate d = s.getStudyDatetime().toLocalDate();
            if (d.isBefore(from) || d.isAfter(to)) continue;
            inputKeys.add(s.getKey());
            if (s.isPediatric()) childInWindow = true;
            estimate(s, sums.get(DoseMetric.RED_MARROW_DOSE), sums.get(DoseMetric.EFFECTIVE_DOSE));
        }
        boolean storedMarrow = false;
        for (StudyDose earlier : history.studies(latest.getPatientRef(), from, to)) {
            if (!inputKeys.contains(earlier.studyKey())) {
                sums.get(earlier.metric()).add(earlier);
                if (earlier.metric() == DoseMetric.RED_MARROW_DOSE && earlier.acquisitions() > 0) storedMarrow = true;
            }
        }
        // A stored study may be the one taken as a child. The store is asked only when the marrow sum would reach
        // a pediatric level, so an adult's monthly run costs no extra query.
        if (!childInWindow && storedMarrow
                && levels.highestReached(DoseMetric.RED_MARROW_DOSE, true, sums.get(DoseMetric.RED_MARROW_DOSE).value).isPresent()) {
            for (EarlierStudy e : history.ctStudies(latest.getPatientRef(), from.atStartOfDay(), to.atTime(java.time.LocalTime.MAX))) {
                if (e.pediatric() && !inputKeys.contains(e.studyKey())) childInWindow = true;
            }
        }

        List<CumulativeDose> facts = new ArrayList<>();
        int rank = 0;
        for (DoseMetric metric : levels.metrics()) {
            rank++;
            if (!levels.follows(metric, childInWindow)) continue;
            Sum sum = sums.get(metric);
            if (sum.acquisitions == 0) continue;
            facts.add(new CumulativeDose(latest, metric, rank, sum.value, sum.studies, sum.acquisitions, sum.notEstimated,
                    from, to, sum.first, levels.highestReached(metric, childInWindow, sum.value).orElse(null), method(metric, sum),
                    sum.lines));
        }
        Sum marrow = sums.get(DoseMetric.RED_MARROW_DOSE);
        boolean profiled = pediatricCtInPeriod;
        return new Assessment(facts, profiled, profiled && marrow.acquisitions > 0 ? marrow.value : null);
    }

    /** One study's estimate per metric: what the history store would keep for it. */
    public List<StudyDose> studyDoses(Study s) {
        Sum marrow = new Sum();
        Sum effective = new Sum();
        estimate(s, marrow, effective);
        return List.of(
                new StudyDose(s.getFacility(), s.getAccessionNumber(), s.getStudyDatetime(), DoseMetric.RED_MARROW_DOSE,
                        marrow.value, marrow.acquisitions, marrow.notEstimated),
                new StudyDose(s.getFacility(), s.getAccessionNumber(), s.getStudyDatetime(), DoseMetric.EFFECTIVE_DOSE,
                        effective.value, effective.acquisitions, effective.notEstimated));
    }

    /** Adds one CT study's acquisitions to the running sums of both metrics. */
    private void estimate(Study s, Sum marrow, Sum effective) {
        boolean marrowEstimated = false;
        boolean effectiveEstimated = false;
        for (IrradiationEvent e : s.getEvents()) {
            if (!e.isCt()) continue;
            // Every irradiating event counts; only a diagnostic acquisition without an estimate is a gap in it.
            Optional<MarrowDoseEstimate> m = estimates.marrow(e);
            if (m.isPresent()) {
                marrow.add(m.get().mgy(), e.getSource(), m.get().dataset());
                marrowEstimated = true;
            } else if (e.isDiagnostic()) {
                marrow.notEstimated++;
            }
            Optional<EffectiveDoseEstimate> ed = estimates.effective(e);
            if (ed.isPresent()) {
                effective.add(ed.get().msv(), e.getSource(), ed.get().dataset());
                if (ed.get().caveat() != null) effective.caveats.add(ed.get().caveat());
                effectiveEstimated = true;
            } else if (e.isDiagnostic()) {
                // A localizer without DLP is not a gap in the estimate; a diagnostic acquisition is.
                effective.notEstimated++;
            }
        }
        LocalDate day = s.getStudyDatetime().toLocalDate();
        if (marrowEstimated) marrow.counted(day);
        if (effectiveEstimated) effective.counted(day);
    }

    /**
     * The method text by metric and datasets: a run has a handful, and every patient's facts carry one. Concurrent:
     * a Spark executor's task threads share one instance.
     */
    private final java.util.Map<String, String> methods = new java.util.concurrent.ConcurrentHashMap<>();

    private String method(DoseMetric metric, Sum sum) {
        String data = String.join(", ", sum.datasets);
        String caveats = String.join("; ", sum.caveats);
        return methods.computeIfAbsent(metric.name() + "\u001f" + data + "\u001f" + caveats,
                k -> method(metric, data) + (caveats.isEmpty() ? "" : "; " + caveats));
    }

    private String method(DoseMetric metric, String data) {
        if (metric == DoseMetric.RED_MARROW_DOSE) {
            return "red-marrow coefficients " + data + " x CTDIvol per CT event (perfusion, bolus tracking and localizers included); "
                    + "children's 32 cm body values converted to 16 cm with the policy factor " + trim(estimates.phantomFactor())
                    + " (a local policy setting, not a published constant)";
        }
        return "k factors " + data + " (coefficient of the nearest tabulated age) x DLP per CT event, DLP on the coefficient's "
                + "phantom; body DLP converted between 32 and 16 cm with the ratio " + trim(estimates.phantomRatio())
                + " (local policy: the low end of the 2.00-2.11 AAPM Report 204 implies)";
    }

    private static String trim(double d) { return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d); }

    private static final class Sum {
        double value;
        int studies;
        int acquisitions;
        int notEstimated;
        /** The day of the earliest study counted: how far back the window's data reach, which may be well after its start. */
        LocalDate first;
        final List<SourceLine> lines = new ArrayList<>();
        final Set<String> datasets = new java.util.TreeSet<>();
        /** What unverified coefficients the sum rests on, said with its method (EffectiveDoseEstimate#caveat). */
        final Set<String> caveats = new java.util.TreeSet<>();

        /** A study from the history store: no input lines to cite. */
        void add(StudyDose d) {
            value += d.value();
            acquisitions += d.acquisitions();
            notEstimated += d.notEstimated();
            if (d.acquisitions() > 0) counted(d.studyDatetime().toLocalDate());
        }

        void counted(LocalDate day) {
            studies++;
            if (first == null || day.isBefore(first)) first = day;
        }

        void add(double v, SourceLine line, String dataset) {
            value += v;
            acquisitions++;
            lines.add(line);
            datasets.add(dataset);
        }
    }
}

package org.alaraaudit.audit.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alaraaudit.audit.spill.DoseValueFile;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.Policy;

/**
 * Collects the radiography and fluoroscopy figures of the period, one patient's studies at a time (so that a retake
 * is found among the patient's own radiographs, as RADIOGRAPH_RETAKE finds it).
 */
public final class ProjectionTally {
    private static final String SEP = "\u001f";
    private static final List<String> BANDS = List.of("0-1 y", "1-5 y", "5-10 y", "10-15 y", "15+ y", "adult");
    /** Typical values by facility, kind and exam, then the age bands youngest first (text would put "10-15 y" before "5-10 y"). */
    private static final java.util.Comparator<String> YOUNGEST_FIRST = java.util.Comparator
            .<String, String>comparing(k -> k.substring(0, k.lastIndexOf(SEP)))
            .thenComparingInt(k -> BANDS.indexOf(k.substring(k.lastIndexOf(SEP) + 1)));

    private final Policy policy;
    private final DoseValueFile values = new DoseValueFile(DoseSample.BLOCK);
    /** Where the samples keep their values: null, in {@link #values}; else elsewhere, so that parts can merge (Spark). */
    private final DoseSample.Elsewhere elsewhere;
    private final Map<String, DoseSample> dap = new TreeMap<>(YOUNGEST_FIRST);
    private final Map<String, DoseSample> deviation = new TreeMap<>();
    private final Map<String, int[]> retakes = new TreeMap<>();

    public ProjectionTally(Policy policy) { this(policy, null); }

    /** A tally whose values go to {@code elsewhere}: see {@link PeriodTally#write} and {@link PeriodTally#merge}. */
    public ProjectionTally(Policy policy, DoseSample.Elsewhere elsewhere) {
        this.policy = policy;
        this.elsewhere = elsewhere;
    }

    /** The studies of one patient. */
    public void addPatient(List<Study> studies) {
        List<IrradiationEvent> radiographs = new ArrayList<>();
        for (Study s : studies) {
            if (s.isRadiography()) radiographs.addAll(s.getEvents());
            if (!s.isInPeriod()) continue;
            if (s.isFluoroscopy()) fluoroscopy(s);
            if (!s.isRadiography()) continue;
            for (IrradiationEvent e : s.getEvents()) {
                if (e.getDap() != null) sample(dap, key(s.getFacility(), "radiography", exam(e), band(s))).add(e.getDap());
                Double di = e.getDeviationIndex();
                if (di == null) continue;
                String station = key(s.getFacility(), s.getStationName());
                sample(deviation, station).add(di);
                int[] n = beyond.computeIfAbsent(station, k -> new int[2]);
                if (di > policy.getDeviationIndexOver()) n[0]++;
                if (di < policy.getDeviationIndexUnder()) n[1]++;
            }
        }
        for (IrradiationEvent e : radiographs) {
            if (!e.isInPeriod() || e.getBodyPart() == null) continue;
            int[] n = retakes.computeIfAbsent(key(e.getStudy().getFacility(), e.getStudy().getStationName(), e.getBodyPart()), k -> new int[2]);
            n[0]++;
            if (isRetake(e, radiographs)) n[1]++;
        }
    }

    private boolean isRetake(IrradiationEvent e, List<IrradiationEvent> patientRadiographs) {
        for (IrradiationEvent p : patientRadiographs) {
            if (p != e && p.sameImageAs(e) && p.before(e) && e.minutesAfter(p) <= policy.getRetakeWindowMinutes()) return true;
        }
        return false;
    }

    private void fluoroscopy(Study s) {
        Double total = null;
        for (IrradiationEvent e : s.getEvents()) if (e.getDap() != null) total = (total == null ? 0 : total) + e.getDap();
        if (total == null) return;
        String exam = s.getEvents().get(0).getStandardProtocol();
        if (exam == null) exam = s.getStudyDescription();
        sample(dap, key(s.getFacility(), "fluoroscopy", exam == null ? "(not known)" : exam, band(s))).add(total);
    }

    private static String exam(IrradiationEvent e) {
        if (e.getBodyPart() != null) return e.getView() == null ? e.getBodyPart() : e.getBodyPart() + " " + e.getView();
        return e.getStandardProtocol() == null ? "(not known)" : e.getStandardProtocol();
    }

    /** The age bands of the pediatric DRL surveys for radiography; adults from the pediatric limit on. */
    private String band(Study s) {
        double a = s.getAgeYears();
        if (a >= policy.getPediatricAgeYears()) return "adult";
        if (a < 1) return "0-1 y";
        if (a < 5) return "1-5 y";
        if (a < 10) return "5-10 y";
        if (a < 15) return "10-15 y";
        return "15+ y";
    }

    private static String key(String... parts) { return String.join(SEP, parts); }

    private DoseSample sample(Map<String, DoseSample> samples, String key) {
        String kind = samples == dap ? "dap" : "deviation";
        return samples.computeIfAbsent(key, k -> elsewhere == null ? new DoseSample(values)
                : new DoseSample("projection\u001f" + kind + "\u001f" + k, elsewhere));
    }

    /** How many deviation indices of a station lie beyond the over- and underexposure levels. */
    private final Map<String, int[]> beyond = new TreeMap<>();

    /** Every patient is in: the figures, and the values' file goes. */
    public ProjectionFigures figures() {
        try {
            if (elsewhere != null) {
                dap.values().forEach(DoseSample::freeze);
                deviation.values().forEach(DoseSample::freeze);
            }
            List<ProjectionFigures.TypicalValue> typical = new ArrayList<>();
            for (Map.Entry<String, DoseSample> e : dap.entrySet()) {
                String[] k = e.getKey().split(SEP, -1);
                DoseSample v = e.getValue();
                typical.add(new ProjectionFigures.TypicalValue(k[0], k[1], k[2], k[3], v.size(), v.median(),
                        v.size() >= policy.getDrlMinSampleStudies()));
            }
            List<ProjectionFigures.DeviationSpread> spread = new ArrayList<>();
            for (Map.Entry<String, DoseSample> e : deviation.entrySet()) {
                String[] k = e.getKey().split(SEP, -1);
                DoseSample v = e.getValue();
                int[] n = beyond.get(e.getKey());
                spread.add(new ProjectionFigures.DeviationSpread(k[0], k[1], v.size(), v.median(), v.quantile(0.25),
                        v.quantile(0.75), n[0], n[1]));
            }
            List<ProjectionFigures.RetakeRate> rates = new ArrayList<>();
            for (Map.Entry<String, int[]> e : retakes.entrySet()) {
                String[] k = e.getKey().split(SEP, -1);
                int[] n = e.getValue();
                rates.add(new ProjectionFigures.RetakeRate(k[0], k[1], k[2], n[0], n[1],
                        (double) n[1] / n[0] > policy.getRetakeRateTarget()));
            }
            return new ProjectionFigures(typical, spread, rates, policy.getRetakeRateTarget(), policy.sourceOf("retake_rate_target"));
        } finally {
            values.close();
        }
    }

    /** This part's samples (their sizes), counts of deviation indices beyond the levels, and retakes. */
    public void write(org.alaraaudit.audit.spill.SpillOut out) throws java.io.IOException {
        for (Map<String, DoseSample> samples : List.of(dap, deviation)) {
            out.integer(samples.size());
            for (Map.Entry<String, DoseSample> e : samples.entrySet()) {
                out.text(e.getKey());
                out.longWhole(e.getValue().count());
            }
        }
        for (Map<String, int[]> counts : List.of(beyond, retakes)) {
            out.integer(counts.size());
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                out.text(e.getKey());
                out.integer(e.getValue()[0]);
                out.integer(e.getValue()[1]);
            }
        }
    }

    /** Adds a part written by {@link #write}: the same period's figures of other patients. */
    public void merge(org.alaraaudit.audit.spill.SpillIn in) throws java.io.IOException {
        for (Map<String, DoseSample> samples : List.of(dap, deviation)) {
            for (int n = in.integer(); n > 0; n--) sample(samples, in.text()).addCount(in.longWhole());
        }
        for (Map<String, int[]> counts : List.of(beyond, retakes)) {
            for (int n = in.integer(); n > 0; n--) {
                int[] c = counts.computeIfAbsent(in.text(), k -> new int[2]);
                c[0] += in.integer();
                c[1] += in.integer();
            }
        }
    }
}

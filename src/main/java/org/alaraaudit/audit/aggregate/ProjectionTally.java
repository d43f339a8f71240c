package org.alaraaudit.audit.aggregate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alaraaudit.audit.spill.DoseValueFile;
import org.alaraaudit.audit.spill.SpillIn;
import org.alaraaudit.audit.spill.SpillOut;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.model.ProjectionAgeBands;
import org.alaraaudit.model.ProjectionReferenceLevel;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.Study;
import org.alaraaudit.model.TypicalDap;
import org.alaraaudit.rules.Policy;
import org.alaraaudit.rules.ProjectionReferenceLevels;

/**
 * Collects the radiography and fluoroscopy figures of the period, one patient's studies at a time (so that a retake
 * is found among the patient's own radiographs, as RADIOGRAPH_RETAKE finds it).
 */
public final class ProjectionTally {
    private static final String SEP = "\u001f";

    /**
     * A typical value's group: a facility's exam in the band of the DRL row that applies to its patients, or, where
     * no row applies, in the age bands of the pediatric DRL surveys.
     */
    private record Group(String facility, String kind, String exam, ProjectionReferenceLevel level, String band) {}

    /** By facility, kind and exam; then the DRL rows' bands in table order, then the age bands youngest first. */
    private static final Comparator<Group> ORDER = Comparator
            .comparing(Group::facility, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Group::kind).thenComparing(Group::exam)
            .thenComparingLong(g -> g.level() == null ? Long.MAX_VALUE : g.level().line())
            .thenComparing(Group::band, ProjectionAgeBands.YOUNGEST_FIRST);

    /** One group's values, the studies they come from (the minimum sample counts studies, as for CT) and their lines. */
    private final class Sample {
        final DoseSample values;
        /** Only a group with a DRL row can raise a finding, which names its input lines. */
        final PackedLines lines;
        int studies;
        String lastStudy;

        Sample(Group g) {
            values = sample("dap" + SEP + key(String.valueOf(g.facility()), g.kind(), g.exam(),
                    g.level() == null ? "" : String.valueOf(g.level().line()), g.band()));
            lines = g.level() != null ? new PackedLines(lineFiles) : null;
        }

        void add(double v, Study s, List<SourceLine> from) {
            values.add(v);
            if (lines != null) lines.addAll(from);
            if (!s.getKey().equals(lastStudy)) {
                studies++;
                lastStudy = s.getKey();
            }
        }
    }

    private final Policy policy;
    private final ProjectionAgeBands bands;
    private final List<ProjectionReferenceLevel> drls;
    private final DoseValueFile values = new DoseValueFile(DoseSample.BLOCK);
    /** Where the samples keep their values: null, in {@link #values}; else elsewhere, so that parts can merge (Spark). */
    private final DoseSample.Elsewhere elsewhere;
    private final PackedLines.Files lineFiles = new PackedLines.Files();
    private final Map<Group, Sample> dap = new TreeMap<>(ORDER);
    private final Map<String, DoseSample> deviation = new TreeMap<>();
    private final Map<String, int[]> retakes = new TreeMap<>();
    private ProjectionFigures figures;
    private List<TypicalDap> typicalDaps;

    /** Without DRL rows: typical values are computed and never judged. */
    public ProjectionTally(Policy policy) { this(policy, ProjectionReferenceLevels.NONE); }

    /** {@code drls}: the DRL table; the rows of the policy's DRL set judge the typical values. */
    public ProjectionTally(Policy policy, ProjectionReferenceLevels drls) { this(policy, drls, null); }

    /**
     * A tally whose values go to {@code elsewhere} (see {@link PeriodTally#write} and {@link PeriodTally#merge}), or
     * are kept by the tally when it is null.
     */
    public ProjectionTally(Policy policy, ProjectionReferenceLevels drls, DoseSample.Elsewhere elsewhere) {
        this.policy = policy;
        this.bands = new ProjectionAgeBands(policy.getPediatricAgeYears());
        this.drls = drls.set(policy.getDrlSet());
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
                if (e.getDap() != null) typical(s, ProjectionReferenceLevel.RADIOGRAPHY, exam(e)).add(e.getDap(), s, List.of(e.getSource()));
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
        // A procedure that lost a row to rejection has an understated total: it would pull the typical value down.
        if (s.isIncomplete()) return;
        Double total = null;
        for (IrradiationEvent e : s.getEvents()) if (e.getDap() != null) total = (total == null ? 0 : total) + e.getDap();
        if (total == null) return;
        String exam = s.getEvents().get(0).getStandardProtocol();
        if (exam == null) exam = s.getStudyDescription();
        List<SourceLine> lines = new ArrayList<>();
        for (IrradiationEvent e : s.getEvents()) lines.add(e.getSource());
        typical(s, ProjectionReferenceLevel.FLUOROSCOPY, exam == null ? "(not known)" : exam).add(total, s, lines);
    }

    /** The group of a study's exam: the first DRL row that applies to it and the patient, else the age band. */
    private Sample typical(Study s, String kind, String exam) {
        ProjectionReferenceLevel level = null;
        for (ProjectionReferenceLevel l : drls) {
            if (l.appliesTo(kind, exam, s.getAgeYears(), s.getWeightKg(), policy.getPediatricAgeYears())) {
                level = l;
                break;
            }
        }
        boolean judged = level != null;
        return dap.computeIfAbsent(new Group(s.getFacility(), kind, exam, level, judged ? level.band() : bands.of(s.getAgeYears())), Sample::new);
    }

    private static String exam(IrradiationEvent e) {
        if (e.getBodyPart() != null) return e.getView() == null ? e.getBodyPart() : e.getBodyPart() + " " + e.getView();
        return e.getStandardProtocol() == null ? "(not known)" : e.getStandardProtocol();
    }

    private static String key(String... parts) { return String.join(SEP, parts); }

    private DoseSample sample(Map<String, DoseSample> samples, String key) {
        return samples.computeIfAbsent(key, k -> sample("deviation" + SEP + k));
    }

    /** A new sample, named for the parts of a Spark run to find its values by. */
    private DoseSample sample(String id) {
        return elsewhere == null ? new DoseSample(values) : new DoseSample("projection" + SEP + id, elsewhere);
    }

    /** How many deviation indices of a station lie beyond the over- and underexposure levels. */
    private final Map<String, int[]> beyond = new TreeMap<>();

    /** The period's typical values with their DRL rows, for the period rules (DAP_DRL_MEDIAN_EXCEEDED). */
    public List<TypicalDap> periodFacts() {
        figures();
        return typicalDaps;
    }

    /** Every patient is in: the figures (computed once), and the values' file goes. */
    public ProjectionFigures figures() {
        if (figures != null) return figures;
        try {
            if (elsewhere != null) {
                dap.values().forEach(v -> v.values.freeze());
                deviation.values().forEach(DoseSample::freeze);
            }
            List<TypicalDap> facts = new ArrayList<>();
            List<ProjectionFigures.TypicalValue> typical = new ArrayList<>();
            int min = policy.getDrlMinSampleStudies();
            for (Map.Entry<Group, Sample> e : dap.entrySet()) {
                Group g = e.getKey();
                Sample v = e.getValue();
                TypicalDap t = new TypicalDap(g.facility(), g.kind(), g.exam(), g.band(), v.values.size(), v.studies,
                        v.values.median(), min, g.level(), v.lines == null ? List.of() : v.lines.sorted());
                facts.add(t);
                ProjectionReferenceLevel l = g.level();
                typical.add(new ProjectionFigures.TypicalValue(g.facility(), g.kind(), g.exam(), g.band(), v.values.size(),
                        v.values.median(), t.isSufficientSample(), v.studies, t.getStatus().name(),
                        l == null ? null : l.dapGycm2(), l == null ? null : l.label(), l == null ? null : l.source(),
                        l == null ? null : l.standing()));
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
            typicalDaps = List.copyOf(facts);
            figures = new ProjectionFigures(typical, spread, rates, policy.getRetakeRateTarget(), policy.sourceOf("retake_rate_target"));
            return figures;
        } finally {
            values.close();
        }
    }

    /**
     * This part's groups for {@link #merge}: each typical value's group with its DRL row by its place in the policy's
     * set, its sample's size, studies and lines; the deviation samples' sizes; the counts beyond the levels; retakes.
     */
    public void write(SpillOut out) throws IOException {
        out.integer(dap.size());
        for (Map.Entry<Group, Sample> e : dap.entrySet()) {
            Group g = e.getKey();
            Sample v = e.getValue();
            out.text(g.facility());
            out.text(g.kind());
            out.text(g.exam());
            out.integer(g.level() == null ? -1 : drls.indexOf(g.level()));
            out.text(g.band());
            out.longWhole(v.values.count());
            out.integer(v.studies);
            if (v.lines != null) PackedLines.write(out, v.lines.sorted());
        }
        out.integer(deviation.size());
        for (Map.Entry<String, DoseSample> e : deviation.entrySet()) {
            out.text(e.getKey());
            out.longWhole(e.getValue().count());
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

    /** Adds a part written by {@link #write}: the same period's figures of other patients (a study is in one part). */
    public void merge(SpillIn in) throws IOException {
        for (int n = in.integer(); n > 0; n--) {
            String facility = in.text();
            String kind = in.text();
            String exam = in.text();
            int level = in.integer();
            Sample v = dap.computeIfAbsent(new Group(facility, kind, exam, level < 0 ? null : drls.get(level), in.text()), Sample::new);
            v.values.addCount(in.longWhole());
            v.studies += in.integer();
            if (v.lines != null) v.lines.addAll(PackedLines.read(in));
        }
        for (int n = in.integer(); n > 0; n--) sample(deviation, in.text()).addCount(in.longWhole());
        for (Map<String, int[]> counts : List.of(beyond, retakes)) {
            for (int n = in.integer(); n > 0; n--) {
                int[] c = counts.computeIfAbsent(in.text(), k -> new int[2]);
                c[0] += in.integer();
                c[1] += in.integer();
            }
        }
    }
}

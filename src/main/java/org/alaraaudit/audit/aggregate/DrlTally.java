package org.alaraaudit.audit.aggregate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alaraaudit.audit.spill.SpillIn;
import org.alaraaudit.audit.spill.SpillOut;
import org.alaraaudit.model.ConfidenceInterval;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.DoseGroup;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.model.ReferenceLevel;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.ReferenceLevels;

/**
 * Collects the period's CT doses per facility x exam type x band of the DRL set (adults only where the set has adult
 * rows), as ICRP 135 says
 * DRLs are used: CTDIvol one value per diagnostic acquisition, DLP one value per study (total over the exam
 * type's regions). Each value is kept with the phantom it refers to; values on the other phantom than the DRL's
 * form a group of their own, reported as not comparable, never mixed in (the DRL references give no conversion).
 * Where the DRL is for one contrast (Kanal 2022: chest and abdomen-pelvis with and without), exams whose contrast
 * is not known form a group of their own too, compared with the DRL ReferenceLevels chose and labelled so.
 */
final class DrlTally {
    static final String CTDIVOL = "CTDIvol";
    static final String DLP = "DLP";

    /** {@code unmatched}: the exams' contrast (null: not known) where it is not the DRL's own; null otherwise. */
    private record Key(String facility, ReferenceLevel level, String quantity, int phantomCm, Unmatched unmatched) {}

    /** The contrast of exams compared with a DRL of a contrast they are not known to have had. */
    private enum Unmatched { NOT_KNOWN, BOTH }

    private final PackedLines.Files files = new PackedLines.Files();

    private final class Sample {
        final DoseSample values;
        final PackedLines lines = new PackedLines(files);
        int studies;
        int mixedPhantomStudies;
        String lastStudy;

        Sample(Key k) {
            // The level by the fields the groups are ordered on: its set, line, exam type, band and contrast.
            ReferenceLevel l = k.level();
            values = samples.apply(String.join("\u001f", "drl", String.valueOf(k.facility()), l.drlSet(), String.valueOf(l.line()),
                    l.examType(), l.band(), String.valueOf(l.contrast()), k.quantity(), String.valueOf(k.phantomCm()),
                    String.valueOf(k.unmatched())));
        }

        void add(double v, String studyKey, List<SourceLine> from) {
            values.add(v);
            lines.addAll(from);
            if (!studyKey.equals(lastStudy)) {
                studies++;
                lastStudy = studyKey;
            }
        }
    }

    private final int minSampleStudies;
    private final Map<Key, Sample> groups = new LinkedHashMap<>();

    /** A new dose sample by its id: kept by the tally, or elsewhere. */
    private final java.util.function.Function<String, DoseSample> samples;
    /** The key of each group last handed out, for its row's note. */
    private final Map<DoseGroup, Key> keys = new java.util.IdentityHashMap<>();

    DrlTally(int minSampleStudies, java.util.function.Function<String, DoseSample> samples) {
        this.minSampleStudies = minSampleStudies;
        this.samples = samples;
    }

    /** Keeps each group's median and 75th percentile and lets the values go. */
    void freeze() {
        for (Sample s : groups.values()) s.values.freeze();
        frozen = true;
    }

    private boolean frozen;
    /**
     * The groups once frozen, when nothing can change them: the period's rules and the report rows both ask, and
     * each asking sorted every group's input lines again (a million at a million events).
     */
    private List<DoseGroup> frozenGroups;

    void add(Study s) {
        if (!s.isInPeriod() || !s.isCt()) return;
        // A perfusion study is another exam than the routine one a DRL describes: its many series would lift the
        // group's median CTDIvol and DLP. Its doses still count in every accumulated and organ dose.
        if (s.getEvents().stream().anyMatch(IrradiationEvent::isPerfusion)) return;
        Set<ReferenceLevel> levels = new LinkedHashSet<>();
        for (IrradiationEvent e : s.getEvents()) {
            ReferenceLevel l = e.getReferenceLevel();
            if (!e.isDiagnostic() || l == null) continue;
            levels.add(l);
            if (e.getCtdivol() != null && l.ctdivolMgy() != null) {
                sample(s.getFacility(), l, CTDIVOL, e.getPhantom(), unmatched(l, e.getContrast())).add(e.getCtdivol(), s.getKey(), List.of(e.getSource()));
            }
        }
        for (ReferenceLevel l : levels) if (l.dlpMgycm() != null) addStudyDlp(s, l);
    }

    /**
     * The study's DLP over the exam type's regions, localizers included as in the scanner's exam total. A study
     * whose diagnostic acquisition lacks a DLP gives no value, since its total would be understated; so does a study
     * that lost a row to rejection, whatever the row was (STUDY_INCOMPLETE says so).
     */
    private void addStudyDlp(Study s, ReferenceLevel l) {
        if (s.isIncomplete()) return;
        double total = 0;
        Set<Integer> phantoms = new java.util.TreeSet<>();
        List<SourceLine> lines = new ArrayList<>();
        for (IrradiationEvent e : s.getEvents()) {
            if (!l.targetRegions().contains(e.getTargetRegion())) continue;
            if (e.getDlp() == null) {
                if (e.isDiagnostic()) return;
                continue;
            }
            total += e.getDlp();
            phantoms.add(e.getPhantom());
            lines.add(e.getSource());
        }
        if (phantoms.isEmpty()) return;
        boolean mixed = phantoms.size() > 1;
        int phantom = mixed ? otherPhantom(l.phantomCm()) : phantoms.iterator().next();
        Sample sample = sample(s.getFacility(), l, DLP, phantom, unmatched(l, s.getEvents().get(0).getContrast()));
        sample.add(total, s.getKey(), lines);
        if (mixed) sample.mixedPhantomStudies++;
    }

    private static int otherPhantom(int cm) { return cm == 16 ? 32 : 16; }

    private Sample sample(String facility, ReferenceLevel l, String quantity, int phantom, Unmatched unmatched) {
        return groups.computeIfAbsent(new Key(facility, l, quantity, phantom, unmatched), Sample::new);
    }

    /** Null when the DRL does not specify contrast or is of the exam's own; else how the exam's differs. */
    private static Unmatched unmatched(ReferenceLevel l, Contrast exam) {
        Contrast drl = ReferenceLevels.contrastOf(l);
        if (drl == null || drl == exam) return null;
        return exam == Contrast.BOTH ? Unmatched.BOTH : Unmatched.NOT_KNOWN;
    }

    /** The exam type alone reads as the usual exam without contrast; other groups say theirs. */
    private static String contrastLabel(Key k) { return contrastLabel(k.unmatched(), k.level()); }

    private static String contrastLabel(Unmatched unmatched, ReferenceLevel level) {
        if (unmatched == Unmatched.NOT_KNOWN) return NOT_KNOWN_LABEL;
        if (unmatched == Unmatched.BOTH) return "(" + Contrast.BOTH.label() + ")";
        return ReferenceLevels.contrastOf(level) == Contrast.WITH ? Contrast.WITH.label() : null;
    }

    private static final String NOT_KNOWN_LABEL = "(contrast not known)";

    /** See {@link GroupContrast#label}. */
    static String contrastLabel(ReferenceLevel level, Contrast exam) { return contrastLabel(unmatched(level, exam), level); }

    private static boolean adult(ReferenceLevel level) {
        return level.ageYears() != null && level.ageYears().min() != null && level.ageYears().min() >= 18;
    }

    /**
     * Every group, by facility, then in the order of the DRL table, the pediatric rows before the adult ones (a set's
     * adult rows come from a table of their own, whose line numbers would interleave them), CTDIvol before DLP, DRL
     * phantom first.
     */
    List<DoseGroup> groups() {
        if (frozenGroups != null) return frozenGroups;
        keys.clear();
        List<Map.Entry<Key, Sample>> entries = new ArrayList<>(groups.entrySet());
        // An exam type's rows together, as the table first lists it, those without contrast (or not specifying it)
        // before those with: a set's with-contrast rows come last in its file, and by line alone the 0-<1 y
        // abdomen-pelvis row (only with contrast) stood among the other exam types' rows.
        Map<String, Long> examFirstLine = new java.util.HashMap<>();
        for (Key k : groups.keySet()) examFirstLine.merge(k.level().drlSet() + "\u001f" + k.level().examType(), k.level().line(), Math::min);
        entries.sort(Comparator.<Map.Entry<Key, Sample>, String>comparing(e -> e.getKey().facility(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(e -> adult(e.getKey().level()) ? 1 : 0)
                .thenComparing(e -> examFirstLine.get(e.getKey().level().drlSet() + "\u001f" + e.getKey().level().examType()))
                .thenComparing(e -> ReferenceLevels.contrastOf(e.getKey().level()) == Contrast.WITH ? 1 : 0)
                .thenComparing(e -> e.getKey().level().line())
                .thenComparing(e -> e.getKey().quantity().equals(CTDIVOL) ? 0 : 1)
                .thenComparing(e -> e.getKey().phantomCm() == e.getKey().level().phantomCm() ? 0 : 1)
                .thenComparing(e -> e.getKey().unmatched() == null ? -1 : e.getKey().unmatched().ordinal())
                // Rows of two DRL sets can share a line number (the adult and the pediatric table): the set, exam and
                // band then decide, so the order never depends on which patient came first (spilled, or on Spark).
                .thenComparing(e -> e.getKey().level().drlSet(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(e -> e.getKey().level().examType(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(e -> e.getKey().level().band(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(e -> e.getKey().level().contrast(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(e -> e.getKey().phantomCm()));
        List<DoseGroup> out = new ArrayList<>(entries.size());
        for (Map.Entry<Key, Sample> e : entries) {
            Key k = e.getKey();
            Sample s = e.getValue();
            List<SourceLine> lines = s.lines.sorted();
            out.add(new DoseGroup(k.facility(), k.level(), k.quantity(), k.phantomCm(), s.values.size(), s.studies,
                    s.values.median(), s.values.p75(), ConfidenceInterval.of(s.values.medianInterval()), minSampleStudies, lines,
                    contrastLabel(k)));
            keys.put(out.get(out.size() - 1), k);
        }
        if (!frozen) return out;
        frozenGroups = java.util.Collections.unmodifiableList(out);
        return frozenGroups;
    }

    /** The rows of findings.json's drl_groups and the reports' DRL table. */
    List<DrlGroup> rows() {
        List<DrlGroup> out = new ArrayList<>();
        for (DoseGroup g : groups()) {
            Key k = keys.get(g);
            Sample s = groups.get(k);
            out.add(new DrlGroup(g.getFacility(), g.getExamType(), g.getBand(), g.getQuantity(), g.getValues(), g.getMedian(),
                    g.getP75(), g.getDrl(), g.getRatio(), g.getStatus().name(), g.getLevel().source(), g.getDataPhantomCm(),
                    g.getStudies(), g.getDrlSet(), g.getDrlPhantomCm(), join(contrastNote(k), note(g, s)), g.getExamName(),
                    g.getMedianInterval()));
        }
        return out;
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        return b == null ? a : a + "; " + b;
    }

    /** Says which DRL a group of exams not known to match it was compared with. */
    private static String contrastNote(Key k) {
        if (k.unmatched() == null) return null;
        Contrast drl = ReferenceLevels.contrastOf(k.level());
        String exams = k.unmatched() == Unmatched.BOTH ? "exams done with and without contrast" : "contrast of these exams not known";
        return exams + ": compared with the DRL " + drl.label()
                + (drl == Contrast.WITH ? ", the only one the set gives for this exam type and band" : "");
    }

    private static String note(DoseGroup g, Sample s) {
        switch (g.getStatus()) {
            case NOT_COMPARABLE:
                return String.format(java.util.Locale.ROOT, "values on the %d cm phantom%s; the DRL refers to the %d cm phantom and its source gives no "
                        + "conversion: not compared", g.getDataPhantomCm(),
                        s.mixedPhantomStudies > 0 ? " (" + s.mixedPhantomStudies + " stud" + (s.mixedPhantomStudies == 1 ? "y" : "ies")
                                + " with events on both phantoms)" : "", g.getDrlPhantomCm());
            case INSUFFICIENT_SAMPLE:
                return String.format(java.util.Locale.ROOT, "%d stud%s, below the minimum sample of %d (local policy setting)",
                        g.getStudies(), g.getStudies() == 1 ? "y" : "ies", g.getMinSampleStudies());
            default:
                return null;
        }
    }

    /** This part's groups for {@link #merge}: each level by its set and place in the set, as loaded from the rules. */
    void write(SpillOut out, ReferenceLevels levels) throws IOException {
        out.integer(groups.size());
        for (Map.Entry<Key, Sample> e : groups.entrySet()) {
            Key k = e.getKey();
            Sample s = e.getValue();
            out.text(k.facility());
            out.text(k.level().drlSet());
            out.integer(levels.set(k.level().drlSet()).indexOf(k.level()));
            out.text(k.quantity());
            out.integer(k.phantomCm());
            out.integer(k.unmatched() == null ? -1 : k.unmatched().ordinal());
            out.longWhole(s.values.count());
            out.integer(s.studies);
            out.integer(s.mixedPhantomStudies);
            PackedLines.write(out, s.lines.sorted());
        }
    }

    /** Adds the groups of another set of patients (a study's values are all in one part: it has one patient). */
    void merge(SpillIn in, ReferenceLevels levels) throws IOException {
        for (int n = in.integer(); n > 0; n--) {
            String facility = in.text();
            ReferenceLevel level = levels.set(in.text()).get(in.integer());
            String quantity = in.text();
            int phantom = in.integer();
            int unmatched = in.integer();
            Sample s = sample(facility, level, quantity, phantom, unmatched < 0 ? null : Unmatched.values()[unmatched]);
            s.values.addCount(in.longWhole());
            s.studies += in.integer();
            s.mixedPhantomStudies += in.integer();
            s.lines.addAll(PackedLines.read(in));
        }
    }
}

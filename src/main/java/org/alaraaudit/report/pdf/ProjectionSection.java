package org.alaraaudit.report.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.audit.FollowUps;
import org.alaraaudit.audit.aggregate.ProjectionFigures;
import org.alaraaudit.model.Finding;
import org.alaraaudit.rules.Policy;
import org.alaraaudit.rules.RuleDescription;
import org.alaraaudit.rules.RuleIds;

/**
 * Radiography and fluoroscopy: typical values (the median DAP of each facility's exam and band, ICRP 135, with its
 * DRL comparison where the site's DRL table has a row), the deviation index per station, retake rates against the
 * local target, and the patient follow-up list: the findings of the rules with a follow-up in their metadata, such as
 * the skin check after a procedure past the substantial radiation dose level (by pseudonym, only in reports that
 * list patients).
 */
final class ProjectionSection {
    /** The executive summary's pointer to the list below, where the report lists patients. */
    static final String FOLLOW_UP_LIST = "the list Patient follow-up in the section X-ray and fluoroscopy";
    /** Rows of each figure table in the PDF; the workbook has them all. */
    private static final int MAX_ROWS = 40;

    private ProjectionSection() {}

    static void write(ReportContext ctx) {
        ctx.heading("X-ray and fluoroscopy");
        ProjectionFigures p = ctx.result.projection();
        FollowUps followUps = ctx.result.followUps();
        List<Finding> listed = new ArrayList<>();
        Map<String, Long> byRule = new LinkedHashMap<>();
        long followUpTotal = 0;
        for (Finding f : (Iterable<Finding>) followUps.stream()::iterator) {
            followUpTotal++;
            byRule.merge(f.ruleId(), 1L, Long::sum);
            if (listed.size() < ctx.template.maxIncidents()) listed.add(f);
        }
        if (p.isEmpty() && followUpTotal == 0) {
            ctx.paragraph("No radiograph or fluoroscopy procedure of the period gave a DAP, a deviation index or a body part.");
            return;
        }
        if (!p.typicalValues().isEmpty()) typicalValues(ctx, p);
        if (!p.deviationIndex().isEmpty()) {
            ctx.paragraph("Deviation index per station (AAPM Report 116: 0 is the target; above "
                    + Text.number(ctx.result.tables().policy().getDeviationIndexOver()) + " overexposure, below "
                    + Text.number(ctx.result.tables().policy().getDeviationIndexUnder()) + " underexposure).");
            ReportTable t = new ReportTable(ctx, new float[]{2.2f, 1.4f, 0.8f, 0.9f, 1.3f, 1f, 1f},
                    "Facility", "Station", "n#", "Median#", "Quartiles#", "Over#", "Under#");
            int rows = 0;
            for (ProjectionFigures.DeviationSpread d : p.deviationIndex()) {
                if (rows++ == MAX_ROWS) break;
                t.row(d.facility(), d.station(), Text.count(d.count()), Text.number(d.median()),
                        Text.number(d.p25()) + " to " + Text.number(d.p75()), Text.count(d.above()), Text.count(d.below()));
            }
            t.finish();
            more(ctx, p.deviationIndex().size(), "stations");
        }
        if (!p.retakes().isEmpty()) {
            ctx.paragraph("Retake rates: exposures of the same patient, body part and view again within "
                    + Text.value(ctx.result.tables().policy().getRetakeWindowMinutes(), "min")
                    + " count as retakes. Local policy (default): a rate above " + Text.percent(p.retakeTarget())
                    + " is flagged for review; the site confirms or changes it. Only retakes that reached the archive are seen.");
            ReportTable t = new ReportTable(ctx, new float[]{2.2f, 1.4f, 1.4f, 1f, 1f, 1f, 1f},
                    "Facility", "Station", "Body part", "Exposures#", "Retakes#", "Rate#", "Flag");
            int rows = 0;
            for (ProjectionFigures.RetakeRate r : p.retakes()) {
                if (rows++ == MAX_ROWS) break;
                t.row(r.facility(), r.station(), r.bodyPart(), Text.count(r.exposures()), Text.count(r.retakes()),
                        Text.percent(r.rate()), r.aboveTarget() ? "above target" : "");
            }
            t.finish();
            more(ctx, p.retakes().size(), "retake rates");
        }
        followUps(ctx, followUps, byRule, listed, followUpTotal);
    }

    /**
     * The patients to call back: each follow-up rule of the rule set with its count, threshold, follow-up and action
     * (from its metadata, so a site's own follow-up rule reads as the shipped one does), then the list by pseudonym.
     */
    private static void followUps(ReportContext ctx, FollowUps followUps, Map<String, Long> byRule, List<Finding> listed, long total) {
        if (!followUps.anyRule()) return;
        Policy inForce = ctx.result.tables().policy().withPediatricAge(ctx.result.run().pediatricAgeYears())
                .withDrlSet(ctx.result.run().drlSet());
        StringBuilder sb = new StringBuilder();
        for (RuleDescription r : followUps.rules()) {
            long n = byRule.getOrDefault(r.ruleId(), 0L);
            if (sb.length() > 0) sb.append(' ');
            sb.append(r.title()).append(": ").append(Text.count(n)).append(n == 1 ? " procedure" : " procedures");
            String threshold = r.threshold() == null || r.threshold().isBlank() ? null : r.threshold(inForce);
            if (threshold != null) sb.append(" (threshold: ").append(threshold).append(')');
            sb.append("; follow-up: ").append(r.followUp()).append('.');
            if (r.action() != null && !r.action().isBlank()) sb.append(" Suggested: ").append(r.action()).append('.');
        }
        ctx.paragraph("Patient follow-up.", sb.toString());
        if (listed.isEmpty() || !ctx.patientLevel()) return;
        boolean severalRules = byRule.size() > 1;
        ReportTable t = new ReportTable(ctx, new float[]{1.3f, 1.0f, 1.5f, 1.7f, 3.3f},
                "Patient (pseudonym)", "Date", "Accession", "Facility / station", "Values").identifiers(0, 2);
        for (Finding f : listed) {
            String values = Measured.message(ctx, f);
            t.row(Text.orDash(f.patientRef()), Text.dateTime(f.studyDatetime()), Text.orDash(f.accessionNumber()),
                    Measured.place(f), severalRules ? followUps.rule(f.ruleId()).title() + ": " + values : values);
        }
        t.finish();
        more(ctx, (int) total, "procedures for patient follow-up", listed.size());
    }

    /**
     * Typical values with their DRL comparison: the status, and the DRL row (set, exam pattern, band), its status
     * in a reviewer's words and its source, so a value is never presented as stronger than its reference.
     */
    private static void typicalValues(ReportContext ctx, ProjectionFigures p) {
        int min = ctx.result.tables().policy().getDrlMinSampleStudies();
        boolean anyRow = !ctx.result.tables().projectionLevels().set(ctx.result.run().drlSet()).isEmpty();
        ctx.paragraph("Typical values (ICRP 135): the median DAP of each facility's exam and band, per exposure for "
                + "radiographs (exam = body part and view) and per procedure for fluoroscopy. "
                + (anyRow
                        ? "Where a row of the site's radiography and fluoroscopy DRL table applies, the band is the row's and the "
                          + "median is compared with its DRL when the group has at least " + min + " studies, as for CT; a "
                          + "median above the DRL is a finding: " + RuleIds.DAP_DRL_MEDIAN_EXCEEDED + ". Other exams are "
                          + "listed by age band and not judged."
                        : "No radiography or fluoroscopy DRL is in the tables (none with a source ships with the tool), so no "
                          + "typical value is judged; a site adds its national values, which are then judged with the minimum "
                          + "sample of the CT comparison (" + min + " studies)."));
        Sources sources = new Sources();
        ReportTable t = new ReportTable(ctx, new float[]{1.45f, 1.4f, 1.45f, 0.9f, 0.5f, 0.9f, 1.0f, 0.95f, 1.3f, 1.5f, 0.55f},
                "Facility", "Kind", "Exam", "Band", "n#", "Studies#", "Median DAP (Gy·cm²)#", "DRL (Gy·cm²)#", "Status",
                "DRL row", "Src").verbatim(2);
        t.emphasise("ABOVE DRL");
        List<ProjectionFigures.TypicalValue> listed = listed(p.typicalValues());
        for (ProjectionFigures.TypicalValue v : listed) {
            t.row(v.facility(), v.kind(), v.exam(), v.band(), Text.count(v.count()), Text.count(v.studies()),
                    Text.number(v.medianDapGycm2()), Text.number(v.drlDapGycm2()), status(v),
                    v.drlRow() == null ? "-" : v.drlRow() + "; " + v.drlStanding(), sources.ref(v.drlSource()));
        }
        List<String> notes = new java.util.ArrayList<>();
        if (listed.size() < p.typicalValues().size()) {
            notes.add("Listed: the values judged against a DRL, then children's, each facility's in turn. "
                    + Text.count(p.typicalValues().size() - listed.size()) + " further typical values are in the workbook.");
        }
        notes.addAll(sources.notes(ctx));
        t.finish(notes);
    }

    /**
     * The typical values the page has room for. Taken in table order they were the first facility's alone (its
     * radiographs of adults filled the page), and a reviewer of a pediatric audit never saw the others. So: judged
     * values first (above the DRL before the rest), then children's bands, taking each facility's in turn; listed in
     * table order.
     */
    static List<ProjectionFigures.TypicalValue> listed(List<ProjectionFigures.TypicalValue> all) {
        if (all.size() <= MAX_ROWS) return all;
        record Ranked(int index, int rank, int turn, String facility) {}
        java.util.Map<String, Integer> turns = new java.util.HashMap<>();
        List<Ranked> ranked = new java.util.ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            ProjectionFigures.TypicalValue v = all.get(i);
            int rank = v.above() ? 0 : v.drlRow() != null ? 1 : v.band() != null && !v.band().startsWith("adult") ? 2 : 3;
            int turn = turns.merge(rank + "\u001f" + v.facility(), 1, Integer::sum);
            ranked.add(new Ranked(i, rank, turn, v.facility() == null ? "" : v.facility()));
        }
        ranked.sort(java.util.Comparator.comparingInt(Ranked::rank).thenComparingInt(Ranked::turn)
                .thenComparing(Ranked::facility).thenComparingInt(Ranked::index));
        return ranked.subList(0, MAX_ROWS).stream().mapToInt(Ranked::index).sorted().mapToObj(all::get).toList();
    }

    private static String status(ProjectionFigures.TypicalValue v) { return v.statusWords(); }

    private static void more(ReportContext ctx, int total, String what) { more(ctx, total, what, MAX_ROWS); }

    private static void more(ReportContext ctx, int total, String what, int shown) {
        if (total > shown) ctx.note(Text.count(total - shown) + " further " + what + " are in the workbook.");
    }
}

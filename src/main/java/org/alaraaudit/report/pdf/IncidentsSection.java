package org.alaraaudit.report.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;

/**
 * Every CRITICAL and MAJOR finding, by rule, with what was measured against which reference. CRITICAL findings
 * are never cut; a huge MAJOR list is cut to the template's maximum, shared fairly among the rules and keeping
 * those furthest above their reference, with a note pointing to the workbook for the rest.
 */
final class IncidentsSection {
    private IncidentsSection() {}

    static void write(ReportContext ctx) {
        ctx.heading("CRITICAL and MAJOR findings");
        Selection serious = Selection.of(ctx.result.findings(), ctx.template.maxIncidents(), f -> reviewOf(ctx, f) == null || reviewOf(ctx, f).open());
        if (serious.total == 0) {
            ctx.paragraph("No CRITICAL or MAJOR findings in this period.");
            return;
        }
        long cut = serious.total - serious.listed();
        ctx.paragraph(Text.count(serious.total) + " findings: every CRITICAL finding is to be investigated as a potential "
                + "dose incident and every MAJOR finding reviewed. Measured values are compared with the reference in the "
                + "Reference column; numbers in brackets refer to the sources below the tables.");
        ctx.paragraph("Review status: " + Text.count(serious.total - serious.open) + " reviewed, " + Text.count(serious.open)
                + " still open (reviews are imported from the workbook with alara-audit review import).");
        if (cut > 0) {
            ctx.note(Text.count(cut) + " of " + Text.count(serious.total) + " MAJOR/CRITICAL findings are not listed here "
                    + "(the list keeps all CRITICAL findings and, per rule, the MAJOR findings furthest above their reference). "
                    + "The workbook's Findings sheet and the findings file (CSV) list every finding.");
        }
        Sources sources = new Sources();
        Map<org.alaraaudit.model.SourceLine, String> warned = new java.util.HashMap<>();
        for (var w : ctx.result.warnings()) warned.putIfAbsent(new org.alaraaudit.model.SourceLine(w.file(), w.line()), w.reason());
        serious.byRule.values().stream()
                .sorted(Comparator.comparing((RuleIncidents r) -> r.severity).thenComparing(r -> r.ruleId))
                .forEach(r -> ruleTable(ctx, r, sources, warned));
        if (!sources.isEmpty()) {
            ctx.subheading("Sources of the reference values");
            sources.writeNotes(ctx);
        }
        carriedOver(ctx);
    }

    /** One rule's CRITICAL and MAJOR findings: counted in full, kept only as far as they are listed. */
    static final class RuleIncidents {
        final String ruleId;
        Severity severity = Severity.MAJOR;
        long critical;
        long major;
        final List<Finding> criticalFindings = new ArrayList<>();
        /** The MAJOR findings furthest above their reference, the least of them at the head, at most the cap. */
        final PriorityQueue<Finding> topMajor = new PriorityQueue<>(KEEP.reversed());
        List<Finding> listed = List.of();

        RuleIncidents(String ruleId) { this.ruleId = ruleId; }
    }

    /** Which MAJOR findings are worth listing first: the largest excess over the reference. */
    private static final Comparator<Finding> KEEP =
            Comparator.comparingDouble(Measured::excess).reversed().thenComparing(AuditRun.REPORT_ORDER);

    /**
     * All CRITICAL; MAJOR shared among the rules by water-filling, the largest excess kept within each rule. One
     * pass over the findings, holding at most the cap of MAJOR findings per rule, so a registry-sized run with
     * hundreds of thousands of MAJOR findings does not need them all in memory.
     */
    static final class Selection {
        final Map<String, RuleIncidents> byRule = new LinkedHashMap<>();
        long total;
        long open;

        static Selection of(Iterable<Finding> findings, int maxMajor, java.util.function.Predicate<Finding> isOpen) {
            Selection s = new Selection();
            for (Finding f : findings) {
                if (!f.severity().atLeast(Severity.MAJOR)) continue;
                s.total++;
                if (isOpen.test(f)) s.open++;
                RuleIncidents r = s.byRule.computeIfAbsent(f.ruleId(), RuleIncidents::new);
                if (f.severity() == Severity.CRITICAL) {
                    r.critical++;
                    r.severity = Severity.CRITICAL;
                    r.criticalFindings.add(f);
                } else {
                    r.major++;
                    r.topMajor.add(f);
                    if (r.topMajor.size() > maxMajor) r.topMajor.poll();
                }
            }
            List<RuleIncidents> groups = new ArrayList<>(s.byRule.values());
            groups.sort(Comparator.comparingLong(r -> r.major));
            long remaining = maxMajor;
            for (int i = 0; i < groups.size(); i++) {
                RuleIncidents r = groups.get(i);
                long share = remaining / (groups.size() - i);
                int take = (int) Math.min(r.major, share);
                List<Finding> kept = new ArrayList<>(r.topMajor);
                kept.sort(KEEP);
                List<Finding> listed = new ArrayList<>(r.criticalFindings);
                listed.addAll(kept.subList(0, take));
                listed.sort(AuditRun.REPORT_ORDER);
                r.listed = listed;
                r.topMajor.clear();
                remaining -= take;
            }
            return s;
        }

        long listed() { return byRule.values().stream().mapToLong(r -> r.listed.size()).sum(); }
    }

    private static AuditResult.Review reviewOf(ReportContext ctx, Finding f) { return ctx.result.reviews().of(f); }

    /** The review as a reviewer reads it next to the incident: status, justification, who and when. */
    private static String review(ReportContext ctx, Finding f) {
        AuditResult.Review r = reviewOf(ctx, f);
        if (r == null) return "Review: open (not yet reviewed)";
        StringBuilder sb = new StringBuilder("Review: ").append(r.status());
        if (r.justification() != null && !r.justification().isBlank()) sb.append(" - ").append(r.justification());
        if (r.reviewer() != null || r.reviewedOn() != null) {
            sb.append(" (").append(Text.orDash(r.reviewer())).append(", ").append(r.reviewedOn() == null ? "-" : r.reviewedOn()).append(')');
        }
        return sb.toString();
    }

    /**
     * CRITICAL and MAJOR findings of earlier periods still awaiting review, as a summary: counts by severity and
     * age, and the CRITICAL ones listed. The loop is closed only when they are reviewed; the workbook lists all.
     */
    private static void carriedOver(ReportContext ctx) {
        List<AuditResult.OpenFinding> open = ctx.result.reviews().openFromEarlierPeriods();
        if (open.isEmpty()) return;
        ctx.subheading("Still awaiting review from earlier periods (" + Text.count(open.size()) + ")");
        java.time.LocalDate end = ctx.result.run().period().to();
        Map<Severity, long[]> byAge = new java.util.EnumMap<>(Severity.class);
        for (AuditResult.OpenFinding f : open) byAge.computeIfAbsent(f.severity(), k -> new long[3])[ageBand(f, end)]++;
        ReportTable t = new ReportTable(ctx, new float[]{1.2f, 1, 1, 1, 1}, "Severity", "Under 1 month#", "1 to 3 months#",
                "Over 3 months#", "Total#").width(80);
        long[] all = new long[3];
        byAge.forEach((sev, c) -> {
            t.row(sev.name(), Text.count(c[0]), Text.count(c[1]), Text.count(c[2]), Text.count(c[0] + c[1] + c[2]));
            for (int i = 0; i < 3; i++) all[i] += c[i];
        });
        t.boldRow("Total", Text.count(all[0]), Text.count(all[1]), Text.count(all[2]), Text.count(all[0] + all[1] + all[2]));
        t.finish(List.of("Age: from the study to the end of this period. The workbook's Open reviews sheet lists every one of them, with the review columns that review import reads."));
        List<AuditResult.OpenFinding> critical = open.stream().filter(f -> f.severity() == Severity.CRITICAL).toList();
        if (critical.isEmpty()) return;
        // Said before the list: three rows under a count of 117 read as a list cut short.
        ctx.paragraph("The CRITICAL " + (critical.size() == 1 ? "one, still open:" : "ones, " + Text.count(critical.size()) + " still open:"));
        ReportTable c = new ReportTable(ctx, new float[]{1.0f, 0.95f, 1.5f, 1.9f, 4.0f},
                "Accession", "Date", "Facility", "Rule", "Detail").identifiers(0);
        for (AuditResult.OpenFinding f : critical) {
            c.row(Text.orDash(f.accessionNumber()), Text.dateTime(f.studyDatetime()), Text.orDash(f.facility()),
                    ctx.rules.title(f.ruleId()), Text.fluoroscopyDoses(ctx.template.disclosure().message(f.message())) + " (period " + f.periodFrom() + " to " + f.periodTo() + ")");
        }
        c.finish();
    }

    /** The measured value, unless it is the patient's age and the template shows no ages. */
    private static String shown(ReportContext ctx, Finding f) {
        boolean age = ctx.template.disclosure().measuredValue(f) == null && f.measuredValue() != null;
        return age ? "a child (age withheld)" : Measured.measured(f);
    }

    /** 0: under a month before the period's end, 1: one to three months, 2: more than three. */
    static int ageBand(AuditResult.OpenFinding f, java.time.LocalDate end) {
        java.time.LocalDate d = f.studyDatetime() != null ? f.studyDatetime().toLocalDate() : f.periodTo();
        if (d == null || end == null) return 2;
        if (d.isAfter(end.minusMonths(1))) return 0;
        if (d.isAfter(end.minusMonths(3))) return 1;
        return 2;
    }

    /**
     * A data warning on one of the finding's input rows ("above 1000 mGy for one event: check the export"), said in the
     * finding's row: a CRITICAL finding on a value the tool itself doubts must not be read without the doubt.
     */
    private static String warning(Finding f, Map<org.alaraaudit.model.SourceLine, String> warned) {
        if (warned.isEmpty()) return "";
        for (org.alaraaudit.model.SourceLine l : f.inputLines()) {
            String reason = warned.get(l);
            if (reason != null) return "\nData warning on " + l + ": " + reason + " (see Data quality)";
        }
        return "";
    }

    private static void ruleTable(ReportContext ctx, RuleIncidents r, Sources sources, Map<org.alaraaudit.model.SourceLine, String> warned) {
        long all = r.critical + r.major;
        // Room for the heading, the table's header and a first row of three or four lines: a rule's heading left
        // alone at a page's foot, its table on the next page, reads as a rule with nothing under it.
        ctx.keepRoom(135);
        ctx.subheading(ctx.rules.title(r.ruleId) + ": " + counts(r.critical, r.major)
                + (r.listed.size() < all ? ", " + Text.count(r.listed.size()) + " listed" : ""));
        // The age beside the date: in a pediatric report a CRITICAL finding on an 85-year-old would otherwise be read as a child's.
        ReportTable t = new ReportTable(ctx, new float[]{0.7f, 0.95f, 0.95f, 0.45f, 1.45f, 1.7f, 1.4f, 0.85f, 3.3f},
                "Severity", "Accession", "Date", "Age#", "Facility / station", "Protocol", "Measured#", "Reference#", "Detail")
                .identifiers(1).verbatim(5);
        for (Finding f : r.listed) {
            t.row(f.severity().name(), Text.orDash(f.accessionNumber()), Text.dateTime(f.studyDatetime()), age(ctx, f), Measured.place(f),
                    Measured.protocol(f), shown(ctx, f), Measured.reference(f) + " " + sources.ref(f.referenceSource()),
                    Measured.message(ctx, f) + warning(f, warned) + "\n" + review(ctx, f));
        }
        t.finish();
    }

    /** The age, cut as everywhere; where the template withholds ages (accreditation), only child or adult. */
    static String age(ReportContext ctx, Finding f) {
        if (f.ageYears() == null) return "";
        if (!ctx.template.disclosure().showsPatients()) return f.pediatric() ? "child" : "adult";
        return org.alaraaudit.model.CalendarAge.display(f.ageYears());
    }

    private static String counts(long critical, long major) {
        if (critical == 0) return Text.count(major) + " MAJOR";
        if (major == 0) return Text.count(critical) + " CRITICAL";
        return Text.count(critical) + " CRITICAL, " + Text.count(major) + " MAJOR";
    }

}

package org.alaraaudit.report.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        List<Finding> serious = ctx.result.findings().stream().filter(f -> f.severity().atLeast(Severity.MAJOR)).toList();
        if (serious.isEmpty()) {
            ctx.paragraph("No CRITICAL or MAJOR findings in this period.");
            return;
        }
        Set<Finding> listed = chooseListed(serious, ctx.template.maxIncidents());
        long cut = serious.size() - listed.size();
        ctx.paragraph(Text.count(serious.size()) + " findings: every CRITICAL finding is to be investigated as a potential "
                + "dose incident and every MAJOR finding reviewed. Measured values are compared with the reference named "
                + "in the last column; numbers in brackets refer to the sources below the tables.");
        long open = serious.stream().filter(f -> reviewOf(ctx, f) == null || reviewOf(ctx, f).open()).count();
        ctx.paragraph("Review status: " + Text.count(serious.size() - open) + " reviewed, " + Text.count(open)
                + " still open (reviews are imported from the workbook with alara-audit review import).");
        if (cut > 0) {
            ctx.note(Text.count(cut) + " of " + Text.count(serious.size()) + " MAJOR/CRITICAL findings are not listed here "
                    + "(the list keeps all CRITICAL findings and, per rule, the MAJOR findings furthest above their reference). "
                    + "The workbook's Findings sheet and findings.csv list every finding.");
        }
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : serious) byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        Sources sources = new Sources();
        byRule.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Finding>> e) -> e.getValue().get(0).severity()).thenComparing(Map.Entry::getKey))
                .forEach(e -> ruleTable(ctx, e.getKey(), e.getValue(), listed, sources));
        if (!sources.isEmpty()) {
            ctx.subheading("Sources of the reference values");
            sources.writeNotes(ctx);
        }
        carriedOver(ctx);
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

    /** CRITICAL and MAJOR findings of earlier periods still awaiting review: the loop is closed only when they are. */
    private static void carriedOver(ReportContext ctx) {
        List<AuditResult.OpenFinding> open = ctx.result.reviews().openFromEarlierPeriods();
        if (open.isEmpty()) return;
        ctx.subheading("Still awaiting review from earlier periods (" + Text.count(open.size()) + ")");
        ReportTable t = new ReportTable(ctx, new float[]{0.7f, 1.0f, 0.95f, 1.5f, 1.9f, 4.0f},
                "Severity", "Accession", "Date", "Facility", "Rule", "Detail");
        for (AuditResult.OpenFinding f : open) {
            t.row(f.severity().name(), Text.orDash(f.accessionNumber()), Text.dateTime(f.studyDatetime()), Text.orDash(f.facility()),
                    f.ruleId(), f.message() + " (period " + f.periodFrom() + " to " + f.periodTo() + ")");
        }
        t.finish();
    }

    private static void ruleTable(ReportContext ctx, String rule, List<Finding> findings, Set<Finding> listed, Sources sources) {
        long critical = findings.stream().filter(f -> f.severity() == Severity.CRITICAL).count();
        long shown = findings.stream().filter(listed::contains).count();
        ctx.subheading(RuleTitles.title(rule) + " (" + rule + "): " + counts(critical, findings.size() - critical)
                + (shown < findings.size() ? ", " + Text.count(shown) + " listed" : ""));
        ReportTable t = new ReportTable(ctx, new float[]{0.7f, 0.95f, 0.95f, 1.5f, 1.8f, 1.45f, 0.85f, 3.5f},
                "Severity", "Accession", "Date", "Facility / station", "Protocol", "Measured#", "Reference#", "Detail");
        for (Finding f : findings) {
            if (!listed.contains(f)) continue;
            t.row(f.severity().name(), Text.orDash(f.accessionNumber()), Text.dateTime(f.studyDatetime()), Measured.place(f),
                    Measured.protocol(f), Measured.measured(f), Measured.reference(f) + " " + sources.ref(f.referenceSource()),
                    f.message() + "\n" + review(ctx, f));
        }
        t.finish();
    }

    private static String counts(long critical, long major) {
        if (critical == 0) return Text.count(major) + " MAJOR";
        if (major == 0) return Text.count(critical) + " CRITICAL";
        return Text.count(critical) + " CRITICAL, " + Text.count(major) + " MAJOR";
    }

    /** All CRITICAL; MAJOR shared among the rules by water-filling, the largest excess kept within each rule. */
    static Set<Finding> chooseListed(List<Finding> serious, int maxMajor) {
        Set<Finding> out = new HashSet<>();
        Map<String, List<Finding>> major = new LinkedHashMap<>();
        for (Finding f : serious) {
            if (f.severity() == Severity.CRITICAL) out.add(f);
            else major.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        }
        List<List<Finding>> groups = new ArrayList<>(major.values());
        groups.sort(Comparator.comparingInt(List::size));
        int remaining = maxMajor;
        for (int i = 0; i < groups.size(); i++) {
            List<Finding> g = groups.get(i);
            int share = remaining / (groups.size() - i);
            int take = Math.min(g.size(), share);
            if (take == g.size()) {
                out.addAll(g);
            } else {
                g.stream().sorted(Comparator.comparingDouble(Measured::excess).reversed().thenComparing(AuditRun.REPORT_ORDER))
                        .limit(take).forEach(out::add);
            }
            remaining -= take;
        }
        return out;
    }
}

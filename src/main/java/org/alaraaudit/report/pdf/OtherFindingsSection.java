package org.alaraaudit.report.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;

/** MINOR and INFO findings counted by rule, with a few examples: the workbook has the full list to work through. */
final class OtherFindingsSection {
    private OtherFindingsSection() {}

    /** A rule's MINOR or INFO findings: counted in full, its first few kept as examples. */
    private static final class RuleSummary {
        final Finding first;
        long count;
        final TreeSet<String> facilities = new TreeSet<>();
        final List<Finding> examples = new ArrayList<>();

        RuleSummary(Finding first) { this.first = first; }
    }

    static void write(ReportContext ctx) {
        ctx.heading("MINOR and INFO findings");
        int examples = ctx.template.examplesPerRule();
        Map<String, RuleSummary> byRule = new LinkedHashMap<>();
        for (Finding f : ctx.result.findings()) {
            if (f.severity().atLeast(Severity.MAJOR)) continue;
            RuleSummary r = byRule.computeIfAbsent(f.severity() + " " + f.ruleId(), k -> new RuleSummary(f));
            r.count++;
            if (f.facility() != null) r.facilities.add(f.facility());
            if (r.examples.size() < examples) r.examples.add(f);
        }
        if (byRule.isEmpty()) {
            ctx.paragraph("No MINOR or INFO findings in this period.");
            return;
        }
        ctx.paragraph("Summarised by rule with a few examples; every finding, with its input lines, is listed in the "
                + "workbook's Findings sheet and in the findings file (CSV).");
        ReportTable t = new ReportTable(ctx, new float[]{2.0f, 0.6f, 0.6f, 1.4f, 6.0f},
                "Rule", "Severity", "Findings#", "Facilities", "Examples (accession, place, protocol: detail)");
        for (RuleSummary r : byRule.values()) {
            StringBuilder ex = new StringBuilder();
            for (Finding f : r.examples) {
                if (ex.length() > 0) ex.append('\n');
                ex.append(Text.orDash(f.accessionNumber())).append(", ").append(Measured.place(f));
                String p = Measured.protocol(f);
                if (!p.isEmpty()) ex.append(", ").append(p);
                ex.append(": ").append(f.message());
            }
            t.row(RuleTitles.title(r.first.ruleId()) + "\n" + r.first.ruleId(), r.first.severity().name(), Text.count(r.count),
                    String.join(", ", r.facilities), ex.toString());
        }
        t.finish();
    }
}

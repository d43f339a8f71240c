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

    static void write(ReportContext ctx) {
        ctx.heading("MINOR and INFO findings");
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : ctx.result.findings()) {
            if (!f.severity().atLeast(Severity.MAJOR)) byRule.computeIfAbsent(f.severity() + " " + f.ruleId(), k -> new ArrayList<>()).add(f);
        }
        if (byRule.isEmpty()) {
            ctx.paragraph("No MINOR or INFO findings in this period.");
            return;
        }
        ctx.paragraph("Summarised by rule with a few examples; every finding, with its input lines, is listed in the "
                + "workbook's Findings sheet and in findings.csv.");
        int examples = ctx.template.examplesPerRule();
        ReportTable t = new ReportTable(ctx, new float[]{2.0f, 0.6f, 0.6f, 1.4f, 6.0f},
                "Rule", "Severity", "Findings#", "Facilities", "Examples (accession, place, protocol: detail)");
        for (List<Finding> list : byRule.values()) {
            Finding first = list.get(0);
            TreeSet<String> facilities = new TreeSet<>();
            for (Finding f : list) if (f.facility() != null) facilities.add(f.facility());
            StringBuilder ex = new StringBuilder();
            for (Finding f : list.subList(0, Math.min(examples, list.size()))) {
                if (ex.length() > 0) ex.append('\n');
                ex.append(Text.orDash(f.accessionNumber())).append(", ").append(Measured.place(f));
                String p = Measured.protocol(f);
                if (!p.isEmpty()) ex.append(", ").append(p);
                ex.append(": ").append(f.message());
            }
            t.row(RuleTitles.title(first.ruleId()) + "\n" + first.ruleId(), first.severity().name(), Text.count(list.size()),
                    String.join(", ", facilities), ex.toString());
        }
        t.finish();
    }
}

package org.alaraaudit.report.pdf;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alaraaudit.audit.aggregate.ProtocolStatistics;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;

/**
 * MINOR findings broken down by rule, protocol and station with counts and rates, so a pattern (one protocol at
 * one station) stands out; INFO findings counted by rule. The workbook has the full list to work through.
 */
final class OtherFindingsSection {
    /** A long tail of one-off combinations is summed in one line per rule. */
    static final int MAX_MINOR_ROWS = 60;

    private OtherFindingsSection() {}

    private record Cell(String ruleId, String protocol, String facility, String station) {}

    static void write(ReportContext ctx) {
        ctx.heading("MINOR and INFO findings");
        Map<Cell, long[]> minor = new HashMap<>();
        Map<String, Long> minorByRule = new TreeMap<>();
        Map<String, TreeSet<String>> infoFacilities = new TreeMap<>();
        Map<String, Long> info = new TreeMap<>();
        for (Finding f : ctx.result.findings()) {
            if (f.severity() == Severity.MINOR) {
                String protocol = f.standardProtocol() != null ? f.standardProtocol() : f.protocolName();
                minor.computeIfAbsent(new Cell(f.ruleId(), protocol, f.facility(), f.stationName()), k -> new long[1])[0]++;
                minorByRule.merge(f.ruleId(), 1L, Long::sum);
            } else if (f.severity() == Severity.INFO) {
                info.merge(f.ruleId(), 1L, Long::sum);
                if (f.facility() != null) infoFacilities.computeIfAbsent(f.ruleId(), k -> new TreeSet<>()).add(f.facility());
            }
        }
        if (minor.isEmpty() && info.isEmpty()) {
            ctx.paragraph("No MINOR or INFO findings in this period.");
            return;
        }
        minorTable(ctx, minor, minorByRule);
        if (!info.isEmpty()) {
            ctx.subheading("INFO findings by rule");
            ReportTable t = new ReportTable(ctx, new float[]{4, 1, 4}, "Rule", "Findings#", "Facilities");
            info.forEach((rule, n) -> t.row(ctx.rules.title(rule), Text.count(n), String.join(", ", infoFacilities.getOrDefault(rule, new TreeSet<>()))));
            t.finish();
        }
        ctx.note("Every finding, with its input lines, is listed in the workbook's Findings sheet and in the findings file (CSV).");
    }

    private static void minorTable(ReportContext ctx, Map<Cell, long[]> minor, Map<String, Long> byRule) {
        ctx.subheading("MINOR findings by rule, protocol and station");
        if (minor.isEmpty()) {
            ctx.paragraph("No MINOR findings in this period.");
            return;
        }
        Map<String, Integer> studies = new HashMap<>();
        for (ProtocolStatistics p : ctx.result.protocols()) {
            studies.merge(p.facility() + "\u001f" + p.stationName() + "\u001f" + p.standardProtocol(), p.studies(), Integer::sum);
        }
        ctx.paragraph(Text.count(byRule.values().stream().mapToLong(Long::longValue).sum()) + " MINOR findings. Rate: findings "
                + "per 100 studies of that protocol at that station in the period (blank where the finding has no protocol).");
        ReportTable t = new ReportTable(ctx, new float[]{2.6f, 2.4f, 2.4f, 0.8f, 0.8f, 0.9f},
                "Rule", "Protocol", "Facility / station", "Findings#", "Studies#", "Per 100 studies#");
        Map<String, long[]> rest = new LinkedHashMap<>();
        List<Map.Entry<Cell, long[]>> sorted = minor.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Cell, long[]> e) -> -byRule.get(e.getKey().ruleId()))
                        .thenComparing(e -> e.getKey().ruleId())
                        .thenComparing(e -> -e.getValue()[0])
                        .thenComparing(e -> String.valueOf(e.getKey().protocol())))
                .toList();
        int shown = 0;
        for (Map.Entry<Cell, long[]> e : sorted) {
            Cell c = e.getKey();
            long n = e.getValue()[0];
            if (shown >= MAX_MINOR_ROWS) {
                long[] r = rest.computeIfAbsent(c.ruleId(), k -> new long[2]);
                r[0] += n;
                r[1]++;
                continue;
            }
            shown++;
            Integer st = studies.get(c.facility() + "\u001f" + c.station() + "\u001f" + c.protocol());
            t.row(ctx.rules.title(c.ruleId()), Text.orDash(c.protocol()),
                    Text.orDash(c.facility()) + (c.station() == null ? "" : "\n" + c.station()), Text.count(n),
                    st == null ? "" : Text.count(st), st == null || st == 0 ? "" : Text.number(100.0 * n / st));
        }
        rest.forEach((rule, r) -> t.row(ctx.rules.title(rule), "other protocols and stations (" + Text.count(r[1]) + ")", "",
                Text.count(r[0]), "", ""));
        t.finish();
    }
}

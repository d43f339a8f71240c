package org.alaraaudit.report.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;

/**
 * The few things most worth acting on: CRITICAL and MAJOR findings grouped by rule and facility, the groups with
 * the most CRITICAL findings first, then the most MAJOR. Counting, not judging: the physicist decides.
 */
final class ActionPoints {
    record Point(String ruleId, String facility, long critical, long major, String topProtocol, long topProtocolCount) {
        long total() { return critical + major; }
    }

    private ActionPoints() {}

    static List<Point> top(List<Finding> findings, int n) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> protocols = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!f.severity().atLeast(Severity.MAJOR)) continue;
            String key = f.ruleId() + "\u0000" + (f.facility() == null ? "" : f.facility());
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[f.severity() == Severity.CRITICAL ? 0 : 1]++;
            String protocol = f.standardProtocol() != null ? f.standardProtocol() : f.protocolName();
            if (protocol != null) protocols.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(protocol, 1L, Long::sum);
        }
        List<Point> points = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\u0000", -1);
            Map.Entry<String, Long> top = protocols.getOrDefault(key, Map.of()).entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElse(null);
            points.add(new Point(parts[0], parts[1], c[0], c[1], top == null ? null : top.getKey(), top == null ? 0 : top.getValue()));
        });
        points.sort(Comparator.comparingLong(Point::critical).reversed()
                .thenComparing(Comparator.comparingLong(Point::major).reversed())
                .thenComparing(Point::ruleId).thenComparing(Point::facility));
        return points.subList(0, Math.min(n, points.size()));
    }

    static String describe(Point p) {
        StringBuilder sb = new StringBuilder(RuleTitles.title(p.ruleId()));
        if (!p.facility().isEmpty()) sb.append(" at ").append(p.facility());
        sb.append(": ");
        if (p.critical() > 0) sb.append(Text.count(p.critical())).append(" CRITICAL");
        if (p.critical() > 0 && p.major() > 0) sb.append(" and ");
        if (p.major() > 0) sb.append(Text.count(p.major())).append(" MAJOR");
        sb.append(p.total() == 1 ? " finding" : " findings");
        if (p.topProtocol() != null && p.total() > 1) {
            sb.append(", most often with protocol ").append(p.topProtocol())
                    .append(" (").append(Text.count(p.topProtocolCount())).append(")");
        }
        sb.append(". Suggested: ").append(RuleTitles.action(p.ruleId())).append('.');
        return sb.toString();
    }
}

package org.alaraaudit.report.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Findings;
import org.alaraaudit.model.Severity;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.Messages;
import org.alaraaudit.rules.RuleIds;

/**
 * The few things most worth acting on, ranked by what to do: CRITICAL and MAJOR findings grouped by rule (one
 * action however many sites it concerns, the sites named with their counts), and the DRL groups whose median is
 * above the DRL. Counting, not judging: the physicist decides.
 */
final class ActionPoints {
    record Point(String ruleId, Map<String, long[]> byFacility, long critical, long major, String topProtocol,
                 long topProtocolCount, List<DrlGroup> drlAbove, java.util.SortedSet<java.time.LocalDate> dates, long onChildren,
                 long onAdults, ChildCluster cluster) {
        long total() { return critical + major; }
    }

    /**
     * Children's exams above an individual-exam dose value (notification or alert value) on one station's protocol:
     * a protocol to review, not a run of single exams. A reviewer found four toddlers' head series on one protocol
     * above the notification value (2.1 to 2.4 times the DRL) ranked under "more rules", behind adults' items.
     */
    record ChildCluster(String facility, String station, String protocol, long studies, double lowest, double highest,
                        double value, String unit, java.time.LocalDate first) {}

    /** Individual-exam dose values, where two children's exams over one on one protocol point at the protocol. */
    private static final java.util.Set<String> EXAM_VALUE_RULES = java.util.Set.of(RuleIds.CT_NOTIFICATION_VALUE, RuleIds.CT_ALERT_VALUE);

    private ActionPoints() {}

    static List<Point> top(Findings findings, List<DrlGroup> drlGroups, int n) { return top(findings, drlGroups, n, RuleTitles.NONE); }

    /**
     * As above; the findings of a rule with a patient follow-up ({@link RuleTitles#followUp}) come first, whatever
     * their count: a skin check due weeks after a procedure is the one action a late reading makes too late.
     */
    static List<Point> top(Findings findings, List<DrlGroup> drlGroups, int n, RuleTitles rules) {
        Map<String, Map<String, long[]>> counts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> protocols = new LinkedHashMap<>();
        Map<String, java.util.SortedSet<java.time.LocalDate>> dates = new LinkedHashMap<>();
        Map<String, Long> onChildren = new LinkedHashMap<>();
        Map<String, Long> onAdults = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!f.severity().atLeast(Severity.MAJOR)) continue;
            // A finding on a protocol, a DRL group or the period is on nobody's exam: neither a child's nor an adult's.
            if (f.pediatric()) onChildren.merge(f.ruleId(), 1L, Long::sum);
            else if (f.patientRef() != null) onAdults.merge(f.ruleId(), 1L, Long::sum);
            // For a follow-up, the reader needs the days the clocks started.
            if (rules.followUp(f.ruleId()) != null && f.studyDatetime() != null) {
                dates.computeIfAbsent(f.ruleId(), k -> new java.util.TreeSet<>()).add(f.studyDatetime().toLocalDate());
            }
            long[] c = counts.computeIfAbsent(f.ruleId(), k -> new TreeMap<>())
                    .computeIfAbsent(f.facility() == null ? "" : f.facility(), k -> new long[2]);
            c[f.severity() == Severity.CRITICAL ? 0 : 1]++;
            String protocol = f.standardProtocol() != null ? f.standardProtocol() : f.protocolName();
            if (protocol != null) protocols.computeIfAbsent(f.ruleId(), k -> new LinkedHashMap<>()).merge(protocol, 1L, Long::sum);
        }
        Map<String, ChildCluster> clusters = childClusters(findings);
        List<DrlGroup> above = drlGroups.stream().filter(DrlGroup::above)
                .sorted(Comparator.comparing((DrlGroup g) -> g.ratio() == null ? 0 : -g.ratio())).toList();
        List<Point> points = new ArrayList<>();
        counts.forEach((rule, byFacility) -> {
            long critical = byFacility.values().stream().mapToLong(c -> c[0]).sum();
            long major = byFacility.values().stream().mapToLong(c -> c[1]).sum();
            Map.Entry<String, Long> top = protocols.getOrDefault(rule, Map.of()).entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElse(null);
            boolean drl = rule.equals(RuleIds.DRL_MEDIAN_EXCEEDED) && !above.isEmpty();
            // A DRL group above the DRL is one protocol review, whether or not each raised a finding: ranked by groups.
            points.add(new Point(rule, drl ? drlSites(above) : byFacility, critical, drl ? Math.max(major, above.size()) : major,
                    top == null ? null : top.getKey(), top == null ? 0 : top.getValue(), drl ? above : List.of(),
                    dates.getOrDefault(rule, new java.util.TreeSet<>()), onChildren.getOrDefault(rule, 0L),
                    onAdults.getOrDefault(rule, 0L), clusters.get(rule)));
        });
        if (!above.isEmpty() && !counts.containsKey(RuleIds.DRL_MEDIAN_EXCEEDED)) {
            points.add(new Point(RuleIds.DRL_MEDIAN_EXCEEDED, drlSites(above), 0, above.size(), null, 0, above, new java.util.TreeSet<>(),
                    0, 0, null));
        }
        // A patient's follow-up first, then a protocol that put several children over an exam's dose value.
        points.sort(Comparator.comparing((Point p) -> rules.followUp(p.ruleId()) == null)
                .thenComparing(p -> p.cluster() == null)
                .thenComparing(Comparator.comparingLong(Point::critical).reversed())
                .thenComparing(Comparator.comparingLong(Point::major).reversed())
                .thenComparing(Point::ruleId));
        // Some items always take a place, however many ranked above them and however few places the page has: each
        // follow-up (a patient to call back in time), the rule with the most CRITICAL findings (potential dose
        // incidents; a year's list of follow-ups and clusters left every CRITICAL out) and the groups above the DRL
        // (each a protocol review, however few findings it raised). The rest fill what places are left, in rank order.
        List<Point> always = new ArrayList<>();
        for (Point p : points) if (rules.followUp(p.ruleId()) != null) always.add(p);
        points.stream().filter(p -> p.critical() > 0 && !always.contains(p))
                .max(Comparator.comparingLong(Point::critical).thenComparing(p -> -points.indexOf(p))).ifPresent(always::add);
        points.stream().filter(p -> !p.drlAbove().isEmpty() && !always.contains(p)).findFirst().ifPresent(always::add);
        List<Point> top = new ArrayList<>(always);
        for (Point p : points) {
            if (top.size() >= n) break;
            if (!top.contains(p)) top.add(p);
        }
        top.sort(Comparator.comparingInt(points::indexOf));
        return top;
    }

    /**
     * The rules with CRITICAL findings, most first, with their counts: the summary names those its items leave out,
     * so no potential dose incident is only a number in "more rules".
     */
    static Map<String, Long> criticalByRule(Findings findings) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Finding f : findings) if (f.severity() == Severity.CRITICAL) counts.merge(f.ruleId(), 1L, Long::sum);
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * For each exam-value rule, its largest cluster of children's studies on one facility, station and protocol (two
     * studies at least): the most studies, then the highest measured value.
     */
    private static Map<String, ChildCluster> childClusters(Findings findings) {
        Map<String, Map<List<String>, List<Finding>>> byProtocol = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!EXAM_VALUE_RULES.contains(f.ruleId()) || !f.pediatric() || f.protocolName() == null || f.measuredValue() == null
                    || f.referenceValue() == null) continue;
            byProtocol.computeIfAbsent(f.ruleId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(java.util.Arrays.asList(String.valueOf(f.facility()), String.valueOf(f.stationName()), f.protocolName()),
                            k -> new ArrayList<>()).add(f);
        }
        Map<String, ChildCluster> out = new LinkedHashMap<>();
        byProtocol.forEach((rule, groups) -> groups.forEach((key, list) -> {
            java.util.Set<String> studies = new java.util.HashSet<>();
            for (Finding f : list) studies.add(Study.key(f.facility(), f.accessionNumber()));
            if (studies.size() < 2) return;
            double lowest = list.stream().mapToDouble(Finding::measuredValue).min().orElseThrow();
            double highest = list.stream().mapToDouble(Finding::measuredValue).max().orElseThrow();
            double value = list.stream().mapToDouble(Finding::referenceValue).min().orElseThrow();
            java.time.LocalDate first = list.stream().map(Finding::studyDatetime).filter(java.util.Objects::nonNull)
                    .map(java.time.LocalDateTime::toLocalDate).min(Comparator.naturalOrder()).orElse(null);
            ChildCluster c = new ChildCluster(key.get(0), key.get(1), key.get(2), studies.size(), lowest, highest, value,
                    list.get(0).unit(), first);
            ChildCluster had = out.get(rule);
            if (had == null || c.studies() > had.studies() || (c.studies() == had.studies() && c.highest() > had.highest())) {
                out.put(rule, c);
            }
        }));
        return out;
    }

    /** How many items the ranking has in all (one per rule with a CRITICAL or MAJOR finding, and the DRL groups). */
    static int ranked(Findings findings, List<DrlGroup> drlGroups) {
        java.util.Set<String> rules = new java.util.HashSet<>();
        for (Finding f : findings) if (f.severity().atLeast(Severity.MAJOR)) rules.add(f.ruleId());
        if (drlGroups.stream().anyMatch(DrlGroup::above)) rules.add(RuleIds.DRL_MEDIAN_EXCEEDED);
        return rules.size();
    }

    private static Map<String, long[]> drlSites(List<DrlGroup> above) {
        Map<String, long[]> byFacility = new TreeMap<>();
        for (DrlGroup g : above) byFacility.computeIfAbsent(g.facility(), k -> new long[2])[1]++;
        return byFacility;
    }

    /** Procedure days a follow-up item lists one by one; beyond them it gives the range, the latest and where the list is. */
    static final int FOLLOW_UP_DAYS_LISTED = 6;

    /** The latest procedure days a long follow-up item still names: the ones whose time limit may not have passed. */
    private static final int LATEST_DAYS_NAMED = 3;

    static String describe(Point p, RuleTitles rules) { return describe(p, rules, null, false); }

    /**
     * The item in words. {@code followUpList} says where the report lists the follow-up patients one by one (null when
     * it lists none): a follow-up item with more days than {@link #FOLLOW_UP_DAYS_LISTED} points there instead of
     * naming every day, which for a year filled the summary and pushed the CRITICAL findings out of it. {@code compact}
     * names only the highest DRL group, where the page has no room for three.
     */
    static String describe(Point p, RuleTitles rules, String followUpList, boolean compact) {
        StringBuilder sb = new StringBuilder(rules.title(p.ruleId())).append(": ");
        if (!p.drlAbove().isEmpty()) {
            sb.append(Text.count(p.drlAbove().size())).append(p.drlAbove().size() == 1 ? " DRL group" : " DRL groups")
                    .append(" with the median above the DRL (").append(sites(p.byFacility(), true)).append("); highest: ");
            int shown = 0;
            for (DrlGroup g : p.drlAbove()) {
                if (shown++ == (compact ? 1 : 3)) break;
                if (shown > 1) sb.append("; ");
                sb.append(g.examName()).append(", ").append(g.band()).append(", ").append(g.quantity())
                        .append(" at ").append(g.facility()).append(" (ratio ").append(Text.number(g.ratio())).append(')');
            }
        } else {
            if (p.critical() > 0) sb.append(Text.count(p.critical())).append(" CRITICAL");
            if (p.critical() > 0 && p.major() > 0) sb.append(" and ");
            if (p.major() > 0) sb.append(Text.count(p.major())).append(" MAJOR");
            sb.append(p.total() == 1 ? " finding" : " findings");
            sb.append(" (").append(sites(p.byFacility(), false)).append(')');
            // The report is about children; a rule that also judges adults' exams says whose these are.
            if (p.onAdults() == p.total()) sb.append(p.total() == 1 ? ", on an adult" : ", all on adults");
            else if (p.onChildren() > 0 && p.onChildren() < p.total()) {
                sb.append(", ").append(Text.count(p.onChildren())).append(" of them on children");
            }
            ChildCluster c = p.cluster();
            if (c != null) {
                sb.append("; ").append(Text.count(c.studies())).append(" children's studies on one protocol, ").append(c.protocol())
                        .append(" at ").append(c.station()).append(" (").append(c.facility()).append("), ")
                        .append(Text.number(c.lowest())).append("\u2013").append(Text.number(c.highest())).append(' ').append(c.unit())
                        .append(" against ").append(Messages.number(c.value())).append(' ').append(c.unit())
                        .append(c.first() == null ? "" : ", from " + c.first()).append(": review that protocol first");
            } else if (p.topProtocol() != null && p.total() > 1) {
                sb.append(", most often with protocol ").append(p.topProtocol())
                        .append(" (").append(Text.count(p.topProtocolCount())).append(")");
            }
        }
        String followUp = rules.followUp(p.ruleId());
        if (followUp != null) {
            sb.append(". Patient follow-up: ").append(followUp);
            if (p.dates().size() > FOLLOW_UP_DAYS_LISTED) {
                List<String> days = p.dates().stream().map(java.time.LocalDate::toString).toList();
                long months = p.dates().stream().map(java.time.YearMonth::from).distinct().count();
                List<String> latest = days.subList(days.size() - LATEST_DAYS_NAMED, days.size());
                sb.append("; procedures on ").append(Text.count(days.size())).append(" days from ").append(days.get(0))
                        .append(" to ").append(days.get(days.size() - 1)).append(" in ").append(Text.count(months))
                        .append(months == 1 ? " month" : " months").append(", the latest on ")
                        .append(String.join(", ", latest.subList(0, latest.size() - 1))).append(" and ").append(latest.get(latest.size() - 1))
                        .append(followUpList == null ? "; a report with patient-level sections lists each patient"
                                : "; " + followUpList + " has each patient");
            } else if (!p.dates().isEmpty()) {
                sb.append("; procedures of ").append(String.join(", ", p.dates().stream().map(java.time.LocalDate::toString).toList()));
            }
        }
        sb.append(". Suggested: ").append(rules.action(p.ruleId())).append('.');
        return sb.toString();
    }

    private static String sites(Map<String, long[]> byFacility, boolean groups) {
        StringBuilder sb = new StringBuilder();
        byFacility.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -(e.getValue()[0] + e.getValue()[1])).thenComparing(Map.Entry::getKey))
                .forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey().isEmpty() ? "no facility" : e.getKey())
                        .append(' ').append(Text.count(e.getValue()[0] + e.getValue()[1])));
        return sb.toString();
    }
}

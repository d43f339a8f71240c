package org.alaraaudit.audit.aggregate;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.RuleIds;

/**
 * The findings counted as the rules report them, for the compliance figures: by rule, severity, facility,
 * station and protocol, and which studies had an adult protocol or were repeats. Counting on the way in spares
 * a pass over a log that may be on disk.
 */
public final class FindingCounts {
    final Set<String> adultProtocolStudies = new HashSet<>();
    final Set<String> repeatedStudies = new HashSet<>();
    final Map<String, Long> bySeverity = new LinkedHashMap<>();
    final Map<String, Long> byRule = counts();
    final Map<String, Long> byFacility = counts();
    final Map<String, Long> byStation = counts();
    final Map<String, Long> byProtocol = counts();

    public FindingCounts() {
        for (Severity sev : Severity.values()) bySeverity.put(sev.name(), 0L);
    }

    public void add(Finding f) {
        if (f.ruleId().equals(RuleIds.PEDIATRIC_ADULT_PROTOCOL)) adultProtocolStudies.add(Study.key(f.facility(), f.accessionNumber()));
        if (f.ruleId().equals(RuleIds.REPEAT_STUDY)) repeatedStudies.add(Study.key(f.facility(), f.accessionNumber()));
        bySeverity.merge(f.severity().name(), 1L, Long::sum);
        count(byRule, f.ruleId());
        count(byFacility, f.facility());
        count(byStation, f.stationName());
        count(byProtocol, f.standardProtocol());
    }

    private static Map<String, Long> counts() { return new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder())); }

    private static void count(Map<String, Long> m, String key) { m.merge(key == null ? "(none)" : key, 1L, Long::sum); }
}

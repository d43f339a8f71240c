package org.alaraaudit.history;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Findings;
import org.alaraaudit.model.Severity;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.RuleIds;

/**
 * The study-level findings of a run per study: what the trend counts per month. Findings over a period or a
 * patient (DRL groups, unmapped protocols, cumulative dose) depend on how long the audited period was, so a
 * month audited alone and the same month inside a quarter would not agree; they stay in the run's own counts.
 */
final class StudyFindings {
    /** Scopes of findings that belong to one study, as the rules' @scope metadata names them. */
    static final Set<String> STUDY_SCOPES = Set.of("event", "study", "study_protocol", "study_pair");

    static final class Tally {
        boolean adultProtocol;
        boolean repeated;
        final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);

        int count(Severity s) { return bySeverity.getOrDefault(s, 0); }
    }

    private static final Tally NONE = new Tally();
    private final Map<String, Tally> byStudy = new HashMap<>();

    StudyFindings() {}

    StudyFindings(Findings findings) {
        for (Finding f : findings) if (counts(f)) add(key(f), f.ruleId(), f.severity());
    }

    /** Whether the store counts this finding against one study. */
    static boolean counts(Finding f) { return f.accessionNumber() != null && STUDY_SCOPES.contains(f.scope()); }

    /** The study key a counted finding belongs to (Study.key). */
    static String key(Finding f) { return Study.key(f.facility(), f.accessionNumber()); }

    void add(String studyKey, String ruleId, Severity severity) {
        Tally t = byStudy.computeIfAbsent(studyKey, k -> new Tally());
        t.bySeverity.merge(severity, 1, Integer::sum);
        if (ruleId.equals(RuleIds.PEDIATRIC_ADULT_PROTOCOL)) t.adultProtocol = true;
        if (ruleId.equals(RuleIds.REPEAT_STUDY)) t.repeated = true;
    }

    Tally of(String studyKey) { return byStudy.getOrDefault(studyKey, NONE); }
}

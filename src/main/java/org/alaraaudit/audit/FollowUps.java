package org.alaraaudit.audit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Findings;
import org.alaraaudit.rules.RuleDescription;

/**
 * The run's patient follow-up list: the findings of every rule whose metadata gives a follow-up with a time limit
 * ({@code @followUp}, e.g. the skin check 2 to 4 weeks after a fluoroscopy procedure past the substantial radiation
 * dose level). The reports' lists of patients to call back, the executive summary's ranking and the history store's
 * count all read this one selection, so a site's own {@code @followUp} rule is on each of them as the shipped one is.
 */
public final class FollowUps {
    /** No follow-up rule and no finding: for a result without rule descriptions. */
    public static final FollowUps NONE = new FollowUps(Map.of(), Findings.NONE);

    private final Map<String, RuleDescription> rules;
    private final Findings findings;

    private FollowUps(Map<String, RuleDescription> rules, Findings findings) {
        this.rules = rules;
        this.findings = findings;
    }

    /** The follow-up rules among {@code rules} (in rule-set order; rules sharing an id share the metadata) and their findings. */
    public static FollowUps of(List<RuleDescription> rules, Findings findings) {
        Map<String, RuleDescription> byId = new LinkedHashMap<>();
        if (rules != null) for (RuleDescription r : rules) if (r.patientFollowUp()) byId.putIfAbsent(r.ruleId(), r);
        return new FollowUps(java.util.Collections.unmodifiableMap(byId), findings == null ? Findings.NONE : findings);
    }

    /** The rules with a follow-up, whether or not they found anything this run. */
    public List<RuleDescription> rules() { return List.copyOf(rules.values()); }

    /** Whether the rule set has a follow-up rule at all. */
    public boolean anyRule() { return !rules.isEmpty(); }

    /** Whether this finding puts its patient on the follow-up list. */
    public boolean contains(Finding f) { return f != null && rules.containsKey(f.ruleId()); }

    /** The follow-up rule of this id, or null when the rule has none. */
    public RuleDescription rule(String ruleId) { return rules.get(ruleId); }

    /** The findings on the list, in report order; each call is a new pass over the run's findings. */
    public Stream<Finding> stream() { return findings.stream().filter(this::contains); }

    /** The findings on the list by date of the procedure (undated last), as a list of patients to call back reads. */
    public List<Finding> byDate() {
        return stream().sorted(Comparator.comparing(Finding::studyDatetime, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** How many findings are on the list. */
    public long count() { return stream().count(); }

    /** What to do for the patient: the suggested action of the finding's rule ({@code @action}). */
    public String advice(Finding f) {
        RuleDescription r = rules.get(f.ruleId());
        return r == null ? null : r.action();
    }
}

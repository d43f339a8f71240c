package org.alaraaudit.report.pdf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.rules.RuleDescription;

/**
 * The rules' titles and suggested actions as the loaded rule set words them (each rule's DRL metadata): the ids
 * stay beside them in findings files and the workbook, the report reads the titles.
 */
final class RuleTitles {
    /** No rule at all: for text that never holds a rule id (an exam type). */
    static final RuleTitles NONE = new RuleTitles(List.of());

    private final Map<String, RuleDescription> byId = new HashMap<>();

    private RuleTitles(List<RuleDescription> rules) {
        for (RuleDescription r : rules) byId.putIfAbsent(r.ruleId(), r);
    }

    static RuleTitles of(List<RuleDescription> rules) {
        return new RuleTitles(rules == null ? List.of() : rules);
    }

    /** The rule's title; an id the rule set does not have (an open finding of a rule since removed) in words, never raw. */
    String title(String ruleId) {
        RuleDescription r = byId.get(ruleId);
        return r == null ? (ruleId == null ? "" : ruleId.replace('_', ' ')) : r.title();
    }

    /** The rule's title, or null when the id is not a rule of the rule set. */
    String titleOrNull(String id) {
        RuleDescription r = byId.get(id);
        return r == null ? null : r.title();
    }

    /** The follow-up a rule's findings put patients on (its {@code @followUp}), or null. */
    String followUp(String ruleId) {
        RuleDescription r = byId.get(ruleId);
        return r == null || !r.patientFollowUp() ? null : r.followUp();
    }

    String action(String ruleId) {
        RuleDescription r = byId.get(ruleId);
        return r == null ? "review the findings of this rule" : r.action();
    }
}

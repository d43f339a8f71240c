package org.alaraaudit.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.alaraaudit.model.ReferenceStatus;
import org.alaraaudit.model.Severity;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The metadata a reported rule (one with {@code @ruleId}) carries in its DRL file, read once when the rule set
 * loads. What the reports say about a rule lives there and nowhere else, so a rule missing a piece of it is a
 * rule-set error naming the file and the rule, not a gap a reader finds in the PDF.
 */
final class RuleMetadata {
    /** What every reported rule must state; {@code @description} stays optional. */
    static final List<String> REQUIRED = List.of("severity", "scope", "source", "title", "action", "threshold");

    private RuleMetadata() {}

    /**
     * Every reported rule of the KieBase, sorted by rule id, a rule id's variants in the order their file gives them; each problem (a missing or blank piece, an
     * unknown severity, a threshold naming a setting {@code policy} lacks, rules of one id that word it
     * differently) is added to {@code problems} as one line.
     */
    static List<RuleDescription> describe(KieBase kbase, Function<Rule, String> fileOf, Policy policy, List<String> problems) {
        List<RuleDescription> out = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (KiePackage pkg : kbase.getKiePackages()) rules.addAll(pkg.getRules());
        // In the order of their files, and within a file in the order written: a rule's variants are described
        // from the first ("As above, for a child: ...") and are listed so.
        rules.sort(Comparator.comparing(fileOf).thenComparingInt(RuleMetadata::loadOrder).thenComparing(Rule::getName));
        Map<String, RuleDescription> firstOfId = new LinkedHashMap<>();
        for (Rule r : rules) {
            Map<String, Object> md = r.getMetaData();
            String ruleId = text(md, "ruleId");
            if (ruleId == null) continue;
            String file = fileOf.apply(r);
            String where = "ERROR " + file + ": rule \"" + r.getName() + "\" (" + ruleId + ")";
            int before = problems.size();
            for (String key : REQUIRED) {
                String v = text(md, key);
                if (v == null || v.isBlank()) problems.add(where + " has no @" + key + "(\"...\")" + why(key));
            }
            String severity = text(md, "severity");
            if (severity != null && !severity.isBlank() && !isSeverity(severity)) {
                problems.add(where + ": @severity(\"" + severity + "\") is not CRITICAL, MAJOR, MINOR or INFO");
            }
            String threshold = text(md, "threshold");
            if (threshold != null && policy != null) {
                Matcher m = RuleDescription.SETTING.matcher(threshold);
                while (m.find()) {
                    if (policy.inForce(m.group(1)) == null) {
                        problems.add(where + ": @threshold names {" + m.group(1) + "}, which is not a setting of tables/"
                                + Policy.FILE);
                    }
                }
            }
            String statusText = text(md, "referenceStatus");
            ReferenceStatus status = ReferenceStatus.parse(statusText).orElse(null);
            if (statusText != null && status == null) {
                problems.add(where + ": @referenceStatus(\"" + statusText + "\") is not primary, secondary, local-policy or unverified");
            }
            if (problems.size() > before) continue;
            RuleDescription d = new RuleDescription(ruleId, r.getName(), severity, text(md, "scope"), text(md, "source"),
                    description(md), r.getPackageName(), text(md, "title"), text(md, "action"), threshold, text(md, "followUp"),
                    status);
            RuleDescription first = firstOfId.putIfAbsent(ruleId, d);
            if (first != null) sameWords(where, d, first, problems);
            out.add(d);
        }
        out.sort(Comparator.comparing(RuleDescription::ruleId)); // stable: a rule id's variants stay in file order
        return out;
    }

    private static int loadOrder(Rule r) {
        return r instanceof org.drools.base.definitions.rule.impl.RuleImpl impl ? impl.getLoadOrder() : 0;
    }

    private static String why(String key) {
        return switch (key) {
            case "title" -> ": the reports name the rule by it";
            case "action" -> ": the report's summary suggests it as the first step";
            case "threshold" -> ": the methodology states what the rule compares against (write {setting_key} for a value of "
                    + Policy.FILE + ")";
            default -> "";
        };
    }

    /**
     * The reports show one title, action, threshold, follow-up and reference status per rule id: its variants (MINOR,
     * MAJOR …) must agree.
     */
    private static void sameWords(String where, RuleDescription d, RuleDescription first, List<String> problems) {
        String[][] pairs = {{"title", d.title(), first.title()}, {"action", d.action(), first.action()},
                {"threshold", d.threshold(), first.threshold()}, {"followUp", d.followUp(), first.followUp()},
                {"referenceStatus", String.valueOf(d.referenceStatus()), String.valueOf(first.referenceStatus())}};
        for (String[] p : pairs) {
            if (!java.util.Objects.equals(p[1], p[2])) {
                problems.add(where + ": @" + p[0] + " differs from that of rule \"" + first.name() + "\" of the same rule id;"
                        + " the reports show one " + p[0] + " per rule id");
            }
        }
    }

    private static boolean isSeverity(String s) {
        for (Severity v : Severity.values()) if (v.name().equals(s)) return true;
        return false;
    }

    /** Drools files {@code @description} under the kie-api annotation's class name, not under "description". */
    private static String description(Map<String, Object> md) {
        String d = text(md, "description");
        return d != null ? d : text(md, org.kie.api.definition.type.Description.class.getName());
    }

    /** A metadata value as written between the quotes; null when the rule does not have it. */
    static String text(Map<String, Object> md, String key) {
        Object v = md.get(key);
        if (v == null) return null;
        String s = v.toString();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}

package org.alaraaudit.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alaraaudit.model.ReferenceStatus;

/**
 * A rule as its DRL metadata describes it: for `rules list`, the methodology section, the workbook, and the words
 * every report uses for it (title, suggested action, threshold). Rules that share a rule id share those three.
 */
public record RuleDescription(String ruleId, String name, String severity, String scope, String source,
                              String description, String file, String title, String action, String threshold,
                              String followUp, ReferenceStatus referenceStatus) {
    /**
     * A rule whose finding puts a patient on a follow-up list with a time limit ({@code @followUp("...")}, e.g. a skin
     * check 2 to 4 weeks after a procedure): the report names such findings first, before any count.
     */
    public boolean patientFollowUp() { return followUp != null && !followUp.isBlank(); }

    /**
     * The strongest status the rule's reference value can have ({@code @referenceStatus}), or null: a table row's
     * status may speak for another of its values than the one the rule compares with (a catalog row's status is
     * its upper end's, a published DRL; "Dose below the expected range" compares with the lower end, the tool's
     * local policy).
     */
    public ReferenceStatus referenceStatus() { return referenceStatus; }

    /** A setting named in {@code @threshold}, e.g. {@code {repeat_window_hours}}: replaced by the value in force. */
    static final Pattern SETTING = Pattern.compile("\\{([a-z0-9_]+)}");

    /** The threshold text with each named setting replaced by the value the run used (a command-line override included). */
    public String threshold(Policy policy) {
        Matcher m = SETTING.matcher(threshold);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = policy.inForce(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}

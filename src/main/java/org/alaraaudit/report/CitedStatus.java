package org.alaraaudit.report;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.ReferenceStatus;
import org.alaraaudit.rules.RuleDescription;
import org.alaraaudit.rules.ThresholdWorkbook;

/**
 * The status of the reference a finding cites, for the finding files and the workbook: every report says how far
 * each value it rests on was verified (shared reference-status rules), and a finding leaves the PDF's reference
 * table behind once it is filtered or mailed as a row. Empty where the finding cites no table row (a rule's own
 * requirement, such as documenting the dose).
 */
public final class CitedStatus implements Serializable {
    private static final long serialVersionUID = 1L;
    /** HashMaps or Map.of(), all serializable: the Spark runner's executors write the column too. */
    private final Map<String, String> bySource;
    private final Map<String, ReferenceStatus> ruleCeiling;

    private CitedStatus(Map<String, String> bySource, Map<String, ReferenceStatus> ruleCeiling) {
        this.bySource = bySource;
        this.ruleCeiling = ruleCeiling;
    }

    public static CitedStatus of(AuditResult result) {
        Map<String, ReferenceStatus> ceiling = new HashMap<>();
        if (result.rules() != null) {
            for (RuleDescription r : result.rules()) if (r.referenceStatus() != null) ceiling.putIfAbsent(r.ruleId(), r.referenceStatus());
        }
        return new CitedStatus(result.tables() == null ? Map.of() : result.tables().references().statusBySource(), ceiling);
    }

    /**
     * {@code secondary}, {@code local-policy}, ... as the tables spell it, "confirmed by NAME on DATE", or null. A
     * rule whose reference is another value of the row than the one the row's status speaks for
     * ({@code @referenceStatus}) is shown no stronger than that, a confirmed row too ("local-policy (row confirmed
     * by NAME on DATE)"); a value the site changed in the thresholds workbook is local policy. A rule whose value is
     * its own reading of guidance that gives no number (one acquisition per region, Image Gently) or the site's own
     * assignment (the ages a protocol is for) cites no table row: its {@code @referenceStatus} is the status.
     */
    public String of(Finding f) {
        String cited = ofSource(f.referenceSource());
        ReferenceStatus ceiling = ruleCeiling.get(f.ruleId());
        if (cited == null) return ceiling == null || f.referenceValue() == null ? null : ceiling.code();
        if (ceiling == null) return cited;
        return ReferenceStatus.parse(cited).map(s -> s.ordinal() >= ceiling.ordinal() ? s : ceiling).map(ReferenceStatus::code)
                // A confirmation checked the row against its publication, which gives no value of this kind (no
                // publication gives an expected range's lower end): the ceiling stands, the confirmation is named.
                .orElse(ceiling.code() + " (row " + cited + ")");
    }

    /**
     * The status of the table values a citation stands for, wherever it is printed beside them (a PDF table's
     * numbered sources, the workbook's DRL sheet): the weakest of its rows', "confirmed by NAME on DATE", local policy
     * for a value the site changed in the thresholds workbook, or null for a citation no table value rests on.
     */
    public String ofSource(String source) {
        if (source == null) return null;
        String cited = bySource.get(source.trim());
        // A value the site set in the thresholds workbook: its row keeps the citation, but the number is the site's.
        if (cited == null && ThresholdWorkbook.changedValue(source)) cited = ReferenceStatus.LOCAL_POLICY.code();
        return cited;
    }
}

package org.alaraaudit.report;

import java.io.Serializable;
import java.util.Map;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;

/**
 * The status of the reference a finding cites, for the finding files and the workbook: every report says how far
 * each value it rests on was verified (shared reference-status rules), and a finding leaves the PDF's reference
 * table behind once it is filtered or mailed as a row. Empty where the finding cites no table row (a rule's own
 * requirement, such as documenting the dose).
 */
public final class CitedStatus implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A HashMap or Map.of(), both serializable: the Spark runner's executors write the column too. */
    private final Map<String, String> bySource;

    private CitedStatus(Map<String, String> bySource) { this.bySource = bySource; }

    public static CitedStatus of(AuditResult result) {
        return new CitedStatus(result.tables() == null ? Map.of() : result.tables().references().statusBySource());
    }

    /** {@code secondary}, {@code local-policy}, ... as the tables spell it, "confirmed by NAME on DATE", or null. */
    public String of(Finding f) { return f.referenceSource() == null ? null : bySource.get(f.referenceSource()); }
}

package org.alaraaudit.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.DrlGroup;

/**
 * The stored figures of the period before this run's, over the same facilities, so reports can show
 * month-over-month change. {@code generatedAt}, {@code toolVersion} and {@code ruleSetDigest} say how those
 * figures were made: a change of rule set between the two runs is itself a reason for a difference.
 */
public record PreviousPeriod(AuditPeriod period, Instant generatedAt, String toolVersion, String ruleSetDigest,
                             ComplianceFigures figures, List<DrlGroup> drlGroups) {
    /** This period's group with the facility, exam type, band and quantity of {@code g}, or null. */
    public DrlGroup group(DrlGroup g) {
        if (drlGroups == null) return null;
        for (DrlGroup q : drlGroups) {
            if (Objects.equals(q.facility(), g.facility()) && Objects.equals(q.examType(), g.examType())
                    && Objects.equals(q.band(), g.band()) && Objects.equals(q.quantity(), g.quantity())) {
                return q;
            }
        }
        return null;
    }
}

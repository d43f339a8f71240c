package org.alaraaudit.audit;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.DrlGroup;

/**
 * The stored figures of the period before this run's, of the same length and over the same facilities, so reports
 * can show the change from the previous period: a year is compared with the year before, never with one month.
 * {@code generatedAt}, {@code toolVersion} and {@code ruleSetDigest} say how those figures were made: a change of
 * rule set between the two runs is itself a reason for a difference.
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

    /**
     * The period a stored run must cover to be {@code period}'s previous one: as long, and ending the day before it
     * starts. A period of whole calendar months has the same number of months before it (the 12 months before a
     * year, the month before a month, whatever their days); any other period the same number of days. Null for a
     * run over the whole input.
     */
    public static AuditPeriod before(AuditPeriod period) {
        if (period == null || period.from() == null || period.to() == null) return null;
        long months = wholeMonths(period);
        if (months > 0) return new AuditPeriod(period.from().minusMonths(months), period.from().minusDays(1));
        long days = ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
        return new AuditPeriod(period.from().minusDays(days), period.from().minusDays(1));
    }

    /**
     * Why a report shows no change from the previous period, as one sentence: no history store was read, or none of
     * its runs is of the same length and facilities ending the day before {@code period} starts.
     *
     * @param storeRead whether the run read a history store
     */
    public static String whyNone(AuditPeriod period, boolean storeRead) {
        if (!storeRead) {
            return "No history store was used for this run (--no-history, or a Spark run), so change from the previous period is not shown.";
        }
        AuditPeriod before = before(period);
        if (before == null) return "A run over the whole input has no previous period, so change from the previous period is not shown.";
        long months = wholeMonths(period);
        String length = months == 1 ? "the month" : months > 1 ? "the " + months + " months"
                : "the " + (ChronoUnit.DAYS.between(period.from(), period.to()) + 1) + " days";
        String days = months == 1 ? YearMonth.from(before.from()).toString() : before.from() + " to " + before.to();
        return "No earlier run of the same length is stored: the history store holds no run of these facilities over " + length
                + " before this period (" + days + "), so change from the previous period is not shown.";
    }

    /** The number of calendar months {@code period} spans when it starts on a 1st and ends on a month's last day, else 0. */
    private static long wholeMonths(AuditPeriod period) {
        if (period.from().getDayOfMonth() != 1 || !period.to().equals(YearMonth.from(period.to()).atEndOfMonth())) return 0;
        return ChronoUnit.MONTHS.between(YearMonth.from(period.from()), YearMonth.from(period.to())) + 1;
    }
}

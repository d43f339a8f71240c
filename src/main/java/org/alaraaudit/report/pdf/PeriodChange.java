package org.alaraaudit.report.pdf;

import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.audit.PreviousPeriod;
import org.alaraaudit.rules.Messages;
import org.alaraaudit.rules.RuleIds;

/**
 * Month-over-month change against the previous period stored in the history store. Signs are written with the
 * typographic minus (U+2212), which {@link Typography#clean} turns into '-' should the font lack it; no arrows,
 * since OpenPDF drops a glyph the embedded font does not have.
 */
final class PeriodChange {
    static final String MINUS = "\u2212";

    private PeriodChange() {}

    /** "+8", "−3" or "no change". */
    static String count(long now, long before) {
        long d = now - before;
        if (d == 0) return "no change";
        return (d > 0 ? "+" : MINUS) + Text.count(Math.abs(d));
    }

    /**
     * A change of a share in percentage points: "+1.2 pts", "−0.4 pts"; empty when either share is missing. The
     * difference of the two shares as printed (one decimal), so the reader's own subtraction agrees with it.
     */
    static String points(Double now, Double before) {
        if (now == null || before == null) return "";
        long d = Math.round(now * 1000) - Math.round(before * 1000);
        if (d == 0) return "no change";
        return (d > 0 ? "+" : MINUS) + Math.abs(d) / 10 + "." + Math.abs(d) % 10 + " pts";
    }

    /** A change of a rate with one decimal: "+0.4", "−1.5". */
    static String decimal(Double now, Double before) {
        if (now == null || before == null) return "";
        double d = Math.round((now - before) * 10) / 10.0;
        if (d == 0) return "no change";
        return (d > 0 ? "+" : MINUS) + Messages.format("%.1f", Math.abs(d));
    }

    /** A ratio change with two decimals. */
    static String ratio(Double now, Double before) {
        if (now == null || before == null) return "";
        double d = Math.round((now - before) * 100) / 100.0;
        if (d == 0) return "no change";
        return (d > 0 ? "+" : MINUS) + Messages.format("%.2f", Math.abs(d));
    }

    /** Findings per 100 studies of the period; null without studies. */
    static Double per100(long findings, long studies) {
        return studies == 0 ? null : findings * 100.0 / studies;
    }

    /** One decimal, as every per-100 figure of the reports and the trend (12.6, 6.5, 0.1): a column of them lines up. */
    static String per100Text(Double v) {
        return v == null ? "n/a" : Messages.format("%.1f", v);
    }

    static long severity(ComplianceFigures f, String severity) {
        return f.findingsBySeverity() == null ? 0 : f.findingsBySeverity().getOrDefault(severity, 0L);
    }

    static long findings(ComplianceFigures f) {
        if (f.findingsBySeverity() == null) return 0;
        long n = 0;
        for (Long v : f.findingsBySeverity().values()) n += v == null ? 0 : v;
        return n;
    }

    /** The previous period's figures, or null when the history store has none. */
    static ComplianceFigures previous(AuditResult r) {
        PreviousPeriod p = r.previousPeriod();
        return p == null ? null : p.figures();
    }

    /** "the previous period (2026-09-01 to 2026-09-30)". */
    static String describe(PreviousPeriod p) {
        return "the previous period (" + Text.period(p.period()) + ")";
    }

    /** Said once where a report's scope is stated, when some input had no patient identifier. */
    static String noPatientIdSentence(AuditResult r) {
        return RuleIds.REPEAT_STUDY + " and " + RuleIds.CUMULATIVE_DOSE + " are " + AuditResult.NO_PATIENT_ID + " (" + files(r)
                + "): each study of " + (r.filesWithoutPatientIdentifiers().size() == 1 ? "that file" : "those files")
                + " counts as its own patient, so no repeat or cumulative dose can be found there.";
    }

    static String files(AuditResult r) {
        return String.join(", ", r.filesWithoutPatientIdentifiers());
    }
}

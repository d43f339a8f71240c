package org.alaraaudit.audit.aggregate;

import org.alaraaudit.model.ConfidenceInterval;
import org.alaraaudit.model.DoseGroup;

/**
 * One facility x exam type x band group of the period, with its median compared to the DRL (ICRP 135: DRLs
 * judge groups, never individual patients). {@code n} counts values (acquisitions for CTDIvol, studies for DLP),
 * {@code studies} the studies they come from, on which the minimum sample is judged. {@code phantomCm} is the
 * phantom of the group's values, {@code drlPhantomCm} the DRL's; when they differ the status is NOT_COMPARABLE.
 * {@code examType} is the group's key in finding ids and the history; {@code examName} is what the reports show,
 * with "without contrast" where the DRL is for exams without it (model.DoseGroup#getExamName).
 * {@code medianInterval} is the median's 95 % confidence interval, null below 6 values and for a previous period's
 * group read from the history (which keeps no interval).
 */
public record DrlGroup(String facility, String examType, String band, String quantity, int n, Double median,
                       Double p75, Double drl, Double ratio, String status, String source, int phantomCm,
                       int studies, String drlSet, int drlPhantomCm, String note, String examName,
                       ConfidenceInterval medianInterval) {

    public DrlGroup {
        if (examName == null && examType != null) examName = examType.replace('_', ' ');
    }

    /**
     * A status as the reports write it for a reader, the PDF and the workbook alike: "BELOW" of a median at 0.999 of
     * the DRL reads as a margin, "at or below" as the verdict it is. findings.json keeps the code.
     */
    public static String statusWords(String status) {
        if (status == null) return "";
        return switch (status) {
            case "ABOVE" -> "ABOVE DRL";
            case "BELOW" -> "at or below";
            case "INSUFFICIENT_SAMPLE" -> "insufficient sample";
            case "NOT_COMPARABLE" -> "not comparable (other phantom)";
            default -> status;
        };
    }

    /**
     * Whether the group has this status. {@code status} stays the status's name, as findings.json and the history
     * store keep it; code asks with the enum rather than comparing the text.
     */
    public boolean is(DoseGroup.Status s) { return s.name().equals(status); }

    /** Judged, with its median above the DRL: a protocol review. */
    public boolean above() { return is(DoseGroup.Status.ABOVE); }

    /** Judged against its DRL (ABOVE or BELOW with a ratio): only such a group's ratio says anything. */
    public boolean judged() { return ratio != null && (above() || is(DoseGroup.Status.BELOW)); }

    /**
     * Why a change of ratio between two periods is not given, or null when both were judged: a ratio from a group
     * too small to judge is not presented as a change.
     */
    public static String notCompared(DrlGroup now, DrlGroup before) {
        if (now.judged() && before.judged()) return null;
        DrlGroup g = now.judged() ? before : now;
        String which = now.judged() ? "previous period" : "this period";
        return "not compared: " + which + " " + String.valueOf(g.status()).toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " (" + g.studies() + (g.studies() == 1 ? " study)" : " studies)");
    }
}

package org.alaraaudit.report.trend;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.StepRule;

/** The words and numbers the trend PDF and workbook both print, written once so the two never disagree. */
public final class TrendText {
    /** How the findings figure is defined, said once in each report. */
    public static final String FINDINGS_DEFINITION = "Findings per 100 studies: all findings of a severity that the audit reported for "
            + "the month (event, study, study-pair, station-protocol, DRL-group and patient rules) divided by the studies "
            + "audited in the month, times 100; the audit report's own figure. A finding over a whole run of several months "
            + "counts in the run's last month.";

    /** Why a station's or protocol's findings can add up to less than its facility's. */
    /** Which findings a series below the facility cannot hold, by station or by protocol. */
    static String notOneStudy(Grouping by) {
        return by == Grouping.STATION
                ? "A finding over a station's protocol counts for its station; one over a DRL group concerns the facility, no "
                        + "single station, and counts in the All facilities rows only."
                : "Findings that concern no single study (over a station's protocol, a DRL group) have no protocol of one study: "
                        + "they count in the All facilities rows only.";
    }

    /** Which run a month's radiography and fluoroscopy figures come from. */
    static String xrayMonths(int runsOverSeveralMonths) {
        return "X-ray and fluoroscopy figures are each audit run's own: a month shows, per facility, the run recorded for that "
                + "month (the one over most of its days, then the one recorded last)." + (runsOverSeveralMonths == 0 ? ""
                : " " + runsOverSeveralMonths + " run" + (runsOverSeveralMonths == 1 ? " covers" : "s cover") + " more than one "
                + "month and so " + (runsOverSeveralMonths == 1 ? "is" : "are") + " not in these months.");
    }

    static final String RETAKE_DEFINITION = "Retake rate: exposures of the same patient, body part and view again within the "
            + "retake window (a local policy setting), over the station's radiographs with a body part; the audit "
            + "report's figure added up over the body parts. Only retakes that reached the archive are seen.";

    static final String DEVIATION_DEFINITION = "Deviation index (AAPM Report 116): 0 is the target exposure. The median of the "
            + "station's radiographs with a deviation index, and how many lay above the overexposure or below the "
            + "underexposure level (settings table; default +1 and -1).";

    static final String SKIN_DEFINITION = "Skin follow-up: fluoroscopy procedures that reached the substantial radiation dose level "
            + "(NCRP Report 168: 5 Gy reference air kerma or 3 Gy peak skin dose), of the facility's fluoroscopy (RF, XA) procedures.";

    static final String TYPICAL_DEFINITION = "Typical values (ICRP 135): the median DAP (Gy·cm²) of a facility's exam and age band, "
            + "per exposure for radiographs and per procedure for fluoroscopy, with the exposures or procedures it stands on; "
            + "exams with a value in at least two months.";

    private TrendText() {}

    /** Minutes are what a reader needs of the time a report was made. */
    static String stamp(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(at.atZone(ZoneOffset.UTC));
    }

    /** The heading of the column that names a series. */
    static String seriesName(Grouping by) {
        return switch (by) {
            case STATION -> "Station";
            case PROTOCOL -> "Protocol";
            case FACILITY -> "Facility";
            case ALL -> "Series";
        };
    }

    /** Station and protocol series leave out the findings of no single study: the reports say so. */
    static boolean belowFacility(Grouping by) { return by == Grouping.STATION || by == Grouping.PROTOCOL; }

    /**
     * A change as the report prints it, never contradicting the threshold it was flagged at: whole percent, unless
     * rounding would bring a flagged change down to the threshold (20.3 % of "more than 20 %" is "+20.3 %").
     */
    public static String changeText(StepRule rule, double change) {
        double pct = 100 * change;
        long whole = Math.round(Math.abs(pct));
        String sign = pct < 0 ? "\u2212" : "+";
        if (Math.abs(change) > rule.fraction() && whole <= 100 * rule.fraction()) {
            return sign + String.format(Locale.ROOT, "%.1f %%", Math.abs(pct));
        }
        return sign + whole + " %";
    }

    /** {@code 20 %}, {@code 12.5 %}: the threshold as the report says it. */
    public static String percentText(double fraction) {
        double pct = 100 * fraction;
        return (pct == Math.rint(pct) ? String.valueOf((long) pct) : String.format(Locale.ROOT, "%.1f", pct)) + " %";
    }

    /**
     * A range such as a median's 95 % interval, "96.6–143": both ends by the one rule of the report's numbers, three
     * significant figures ({@link org.alaraaudit.report.SignificantFigures}), so that neither end reads as more precise
     * than the other, and an en dash that no reader takes for a minus sign.
     */
    static String range(double low, double high) {
        return org.alaraaudit.report.SignificantFigures.three(low) + "\u2013" + org.alaraaudit.report.SignificantFigures.three(high);
    }
}

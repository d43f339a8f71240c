package org.alaraaudit.audit.aggregate;

import java.util.List;
import org.alaraaudit.model.DoseGroup.Status;

/**
 * The period's radiography and fluoroscopy figures for the reports: typical values (ICRP 135: the median DAP of a
 * facility's exam per band, always shown, judged against a DRL only where a row of the site's DRL table applies),
 * the deviation-index spread per station, and the retake rate per station and body part against the local target.
 */
public record ProjectionFigures(List<TypicalValue> typicalValues, List<DeviationSpread> deviationIndex,
                                List<RetakeRate> retakes, double retakeTarget, String retakeTargetSource) {

    public static final ProjectionFigures NONE = new ProjectionFigures(List.of(), List.of(), List.of(), 0, null);

    /**
     * One facility's exam in one band. {@code kind} is "radiography" (DAP per exposure: exam = body part and view,
     * else the protocol) or "fluoroscopy" (DAP per procedure: exam = the protocol or study description). The band is
     * the DRL row's where a row of tables/projection-drl.csv applies (then {@code drlDapGycm2}, {@code drlRow} (set,
     * exam pattern and band), {@code drlSource} and {@code drlStanding} (its status in a reviewer's words) are set),
     * else an age band. {@code count} counts values, {@code studies} the studies they come from, on which the
     * minimum sample ({@code enoughForDrl}) is judged as for CT. {@code status} is ABOVE, BELOW, INSUFFICIENT_SAMPLE
     * or NO_DRL (no row applies).
     */
    public record TypicalValue(String facility, String kind, String exam, String band, int count, double medianDapGycm2,
                               boolean enoughForDrl, int studies, String status, Double drlDapGycm2, String drlRow,
                               String drlSource, String drlStanding) {

        /** Whether the value has this status; NO_DRL, a typical value's own status (no row applies), is none of them. */
        public boolean is(Status s) { return s.name().equals(status); }

        /** Judged, with its median above the DRL. */
        public boolean above() { return is(Status.ABOVE); }

        /** Judged against a DRL row (ABOVE or BELOW). */
        public boolean judged() { return drlDapGycm2 != null && (above() || is(Status.BELOW)); }

        /** Median over the DRL, for a judged value (ABOVE or BELOW); else null. */
        public Double ratio() { return judged() ? medianDapGycm2 / drlDapGycm2 : null; }

        /** The status as the PDF and the workbook write it, as DrlGroup#statusWords does for CT groups. */
        public String statusWords() {
            return above() || is(Status.BELOW) || is(Status.INSUFFICIENT_SAMPLE) ? DrlGroup.statusWords(status) : "no DRL row";
        }

        /** The DRL comparison in a reader's words; {@code minSampleStudies} null where the tables are not at hand. */
        public String comparison(Integer minSampleStudies) {
            if (above()) return "above the DRL";
            if (is(Status.BELOW)) return "at or below the DRL";
            if (is(Status.INSUFFICIENT_SAMPLE)) {
                return "insufficient sample: " + studies + (studies == 1 ? " study" : " studies")
                        + (minSampleStudies == null ? ", below the minimum sample" : ", fewer than " + minSampleStudies) + "; not judged";
            }
            return "no DRL row for this exam and band";
        }
    }

    /** A station's radiographs with a deviation index: how many, the median and quartiles, and how many beyond ±1. */
    public record DeviationSpread(String facility, String station, int count, double median, double p25, double p75,
                                  int above, int below) {}

    /** A station's exposures of one body part and how many were retakes (the same view again within the window). */
    public record RetakeRate(String facility, String station, String bodyPart, int exposures, int retakes, boolean aboveTarget) {
        public double rate() { return exposures == 0 ? 0 : (double) retakes / exposures; }
    }

    public boolean isEmpty() { return typicalValues.isEmpty() && deviationIndex.isEmpty() && retakes.isEmpty(); }
}

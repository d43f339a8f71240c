package org.alaraaudit.audit.aggregate;

import java.util.List;

/**
 * The period's radiography and fluoroscopy figures for the reports: typical values (ICRP 135: the median DAP of a
 * facility's exam per age band, always shown, judged against a DRL only where a table row with a source exists),
 * the deviation-index spread per station, and the retake rate per station and body part against the local target.
 */
public record ProjectionFigures(List<TypicalValue> typicalValues, List<DeviationSpread> deviationIndex,
                                List<RetakeRate> retakes, double retakeTarget, String retakeTargetSource) {

    public static final ProjectionFigures NONE = new ProjectionFigures(List.of(), List.of(), List.of(), 0, null);

    /**
     * One facility's exam in one age band. {@code kind} is "radiography" (DAP per exposure: exam = body part and
     * view, else the protocol) or "fluoroscopy" (DAP per procedure: exam = the protocol or study description).
     */
    public record TypicalValue(String facility, String kind, String exam, String band, int count, double medianDapGycm2,
                               boolean enoughForDrl) {}

    /** A station's radiographs with a deviation index: how many, the median and quartiles, and how many beyond ±1. */
    public record DeviationSpread(String facility, String station, int count, double median, double p25, double p75,
                                  int above, int below) {}

    /** A station's exposures of one body part and how many were retakes (the same view again within the window). */
    public record RetakeRate(String facility, String station, String bodyPart, int exposures, int retakes, boolean aboveTarget) {
        public double rate() { return exposures == 0 ? 0 : (double) retakes / exposures; }
    }

    public boolean isEmpty() { return typicalValues.isEmpty() && deviationIndex.isEmpty() && retakes.isEmpty(); }
}

package org.alaraaudit.model;

/**
 * What the scanner's NEMA XR-25 Dose Check recorded for an event: whether it alerted, the configured alert
 * values and forward estimates, and the reason the operator gave for proceeding. Absent values are null.
 */
public record DoseCheckRecord(boolean alert, Double ctdivolAlertMgy, Double ctdivolForwardEstimateMgy,
                              Double dlpAlertMgycm, Double dlpForwardEstimateMgycm, String reason) {

    /** An alert overridden with no reason recorded: the incident review has nothing to start from. */
    public boolean overriddenWithoutReason() { return alert && (reason == null || reason.isBlank()); }

    /** The check's quantity: CTDIvol when the scanner recorded it, else DLP. */
    public boolean onCtdivol() { return ctdivolForwardEstimateMgy != null || ctdivolAlertMgy != null; }

    public String quantity() { return onCtdivol() ? "CTDIvol forward estimate" : "DLP forward estimate"; }

    public Double forwardEstimate() { return onCtdivol() ? ctdivolForwardEstimateMgy : dlpForwardEstimateMgycm; }

    public Double alertValue() { return onCtdivol() ? ctdivolAlertMgy : dlpAlertMgycm; }

    public String unit() { return onCtdivol() ? "mGy" : "mGy·cm"; }
}

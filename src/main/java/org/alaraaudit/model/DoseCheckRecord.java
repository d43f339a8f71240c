package org.alaraaudit.model;

/**
 * What the scanner's NEMA XR-25 Dose Check recorded for an event: whether it alerted, the configured alert
 * values and forward estimates, and the reason the operator gave for proceeding. Absent values are null.
 */
public record DoseCheckRecord(boolean alert, Double ctdivolAlertMgy, Double ctdivolForwardEstimateMgy,
                              Double dlpAlertMgycm, Double dlpForwardEstimateMgycm, String reason) {

    /** An alert overridden with no reason recorded: the incident review has nothing to start from. */
    public boolean overriddenWithoutReason() { return alert && (reason == null || reason.isBlank()); }

    /**
     * The check's quantity: the one whose forward estimate exceeded its alert value (CTDIvol when both did); when the
     * record shows neither exceeded, the one with both values, then the one with any. A scanner sets both alert values
     * and fills the forward estimate of the quantity it checks, so "CTDIvol because an alert value is set" quoted a
     * CTDIvol of the record that never alerted.
     */
    public boolean onCtdivol() {
        if (exceeded(ctdivolForwardEstimateMgy, ctdivolAlertMgy)) return true;
        if (exceeded(dlpForwardEstimateMgycm, dlpAlertMgycm)) return false;
        boolean ctdivolBoth = ctdivolForwardEstimateMgy != null && ctdivolAlertMgy != null;
        boolean dlpBoth = dlpForwardEstimateMgycm != null && dlpAlertMgycm != null;
        if (ctdivolBoth != dlpBoth) return ctdivolBoth;
        if (ctdivolForwardEstimateMgy != null || dlpForwardEstimateMgycm != null) return ctdivolForwardEstimateMgy != null;
        return ctdivolAlertMgy != null || dlpAlertMgycm == null;
    }

    private static boolean exceeded(Double estimate, Double alert) { return estimate != null && alert != null && estimate > alert; }

    public String quantity() { return onCtdivol() ? "CTDIvol forward estimate" : "DLP forward estimate"; }

    public Double forwardEstimate() { return onCtdivol() ? ctdivolForwardEstimateMgy : dlpForwardEstimateMgycm; }

    public Double alertValue() { return onCtdivol() ? ctdivolAlertMgy : dlpAlertMgycm; }

    public String unit() { return onCtdivol() ? "mGy" : "mGy·cm"; }
}

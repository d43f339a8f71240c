package org.alaraaudit.dicom;

/**
 * The NEMA XR 25 Dose Check details of one CT event (TID 10015): the alert values configured and the forward
 * estimates that crossed them, the reason the operator gave for proceeding and whether a person is recorded as
 * authorising it; the same for notifications, which do not stop the scanner.
 */
public record DoseCheckRecord(Measurement dlpAlert, Measurement ctdivolAlert, Measurement dlpForward,
                              Measurement ctdivolForward, String alertReason, boolean personAuthorised,
                              Measurement dlpNotification, Measurement ctdivolNotification,
                              Measurement dlpNotificationForward, Measurement ctdivolNotificationForward,
                              String notificationReason) {

    static DoseCheckRecord of(ContentItem dose) {
        ContentItem alert = dose.child(Codes.DOSE_CHECK_ALERT).orElse(null);
        ContentItem note = dose.child(Codes.DOSE_CHECK_NOTIFICATION).orElse(null);
        if (alert == null && note == null) return null;
        return new DoseCheckRecord(num(alert, Codes.DLP_ALERT_VALUE), num(alert, Codes.CTDIVOL_ALERT_VALUE),
                num(alert, Codes.ACCUMULATED_DLP_FORWARD), num(alert, Codes.ACCUMULATED_CTDIVOL_FORWARD),
                text(alert, Codes.REASON_FOR_PROCEEDING), authorised(alert),
                num(note, Codes.DLP_NOTIFICATION_VALUE), num(note, Codes.CTDIVOL_NOTIFICATION_VALUE),
                num(note, Codes.DLP_FORWARD), num(note, Codes.CTDIVOL_FORWARD), text(note, Codes.REASON_FOR_PROCEEDING));
    }

    /**
     * A person named as authorising the irradiation. The item must be a valid PNAME with a name in it: a
     * Spectrum Dynamics report writes an empty one of value type "PERSON NAME", which no reader accepts.
     */
    private static boolean authorised(ContentItem alert) {
        if (alert == null) return false;
        return alert.find(Codes.PERSON_NAME).filter(p -> "PNAME".equals(p.valueType()) && p.text() != null).isPresent();
    }

    private static Measurement num(ContentItem c, String code) {
        return c == null ? null : c.child(code).map(Measurement::of).orElse(null);
    }

    private static String text(ContentItem c, String code) {
        return c == null ? null : c.child(code).map(ContentItem::text).filter(t -> !t.isBlank()).orElse(null);
    }
}

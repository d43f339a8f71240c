package org.alaraaudit.scanlog;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scanner's Dose Check (NEMA XR 25) record of one event as canonical extra attributes of a row. A canonical
 * scan log may carry them as columns of these names; OpenREM exports carry them as prose, which
 * {@link #parse(String)} reads. Only alerts count: a notification does not stop the scan, an alert asks the
 * operator to confirm (and to give a reason) before the scanner irradiates.
 */
public final class DoseCheck {
    /** {@code yes} when the scanner raised an alert for the event, {@code no} when a check ran without one. */
    public static final String ALERT = "dose_check_alert";
    public static final String DLP_ALERT = "dose_check_dlp_alert_mgycm";
    public static final String DLP_FORWARD = "dose_check_dlp_forward_estimate_mgycm";
    public static final String CTDIVOL_ALERT = "dose_check_ctdivol_alert_mgy";
    public static final String CTDIVOL_FORWARD = "dose_check_ctdivol_forward_estimate_mgy";
    /** The reason for proceeding the operator recorded; absent when none was given. */
    public static final String REASON = "dose_check_reason";

    /** The attributes a profile may map columns onto, besides the canonical columns. */
    static final List<String> ATTRIBUTES = List.of(ALERT, DLP_ALERT, DLP_FORWARD, CTDIVOL_ALERT, CTDIVOL_FORWARD, REASON);

    /** Profile target for a column holding OpenREM's dose-check prose. */
    static final String TEXT = "dose_check";

    private DoseCheck() {}

    static ValueKind kind(String attribute) {
        switch (attribute) {
            case DLP_ALERT: case DLP_FORWARD: return ValueKind.MILLIGRAY_CENTIMETRES;
            case CTDIVOL_ALERT: case CTDIVOL_FORWARD: return ValueKind.MILLIGRAY;
            default: return ValueKind.TEXT;
        }
    }

    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";
    private static final Pattern NOTIFICATIONS = Pattern.compile("dose check notifications:", Pattern.CASE_INSENSITIVE);
    private static final Pattern DLP_CONFIGURED = Pattern.compile("DLP alert is configured at " + NUMBER, Pattern.CASE_INSENSITIVE);
    private static final Pattern CTDIVOL_CONFIGURED = Pattern.compile("CTDIvol alert is configured at " + NUMBER, Pattern.CASE_INSENSITIVE);
    /** The unit tells which index an estimate belongs to: mGy.cm is DLP, plain mGy is CTDIvol. */
    private static final Pattern FORWARD = Pattern.compile("forward estimate of " + NUMBER + " ?mGy(\\.?cm)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern REASON_TEXT = Pattern.compile(
            "Reason for proceeding: ?(.*?)\\.? ?(?:Person authori[sz]ing irradiation:|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERSON = Pattern.compile("Person authori[sz]ing irradiation: ?\\S", Pattern.CASE_INSENSITIVE);

    /**
     * Reads OpenREM's dose-check text: the CSV's "Dose check details" (alerts and notifications on one line) or
     * the XLSX's "Dose check alerts" (alerts only, one item per line). Empty when the text records no alert check.
     */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return out;
        String t = text.replaceAll("\\s+", " ").trim();
        Matcher n = NOTIFICATIONS.matcher(t);
        String alerts = n.find() ? t.substring(0, n.start()) : t;
        if (!alerts.toLowerCase(java.util.Locale.ROOT).contains("alert")) return out;

        BigDecimal dlpAlert = first(DLP_CONFIGURED, alerts);
        BigDecimal ctdivolAlert = first(CTDIVOL_CONFIGURED, alerts);
        BigDecimal dlpForward = null;
        BigDecimal ctdivolForward = null;
        for (Matcher m = FORWARD.matcher(alerts); m.find(); ) {
            if (m.group(2) != null) dlpForward = new BigDecimal(m.group(1));
            else ctdivolForward = new BigDecimal(m.group(1));
        }
        String reason = null;
        Matcher r = REASON_TEXT.matcher(alerts);
        if (r.find() && !r.group(1).isBlank()) reason = r.group(1).trim();
        boolean authorised = PERSON.matcher(alerts).find();

        // An operator who had to authorise the irradiation, or give a reason, was facing an alert.
        boolean alert = exceeds(dlpForward, dlpAlert) || exceeds(ctdivolForward, ctdivolAlert) || reason != null || authorised;
        out.put(ALERT, alert ? "yes" : "no");
        put(out, DLP_ALERT, dlpAlert);
        put(out, DLP_FORWARD, dlpForward);
        put(out, CTDIVOL_ALERT, ctdivolAlert);
        put(out, CTDIVOL_FORWARD, ctdivolForward);
        if (reason != null) out.put(REASON, reason);
        return out;
    }

    static boolean exceeds(BigDecimal estimate, BigDecimal alert) {
        return estimate != null && alert != null && estimate.compareTo(alert) > 0;
    }

    private static BigDecimal first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? new BigDecimal(m.group(1)) : null;
    }

    private static void put(Map<String, String> out, String key, BigDecimal v) {
        if (v != null) out.put(key, CellText.plain(v));
    }
}

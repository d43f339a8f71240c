package org.alaraaudit.dicom;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DICOM DA, TM, DT and AS values in the ISO forms the canonical scan log uses. */
final class DicomDates {
    private static final Pattern DA = Pattern.compile("(\\d{4})\\.?(\\d{2})\\.?(\\d{2})");
    private static final Pattern TM = Pattern.compile("(\\d{2}):?(\\d{2})?:?(\\d{2})?(?:\\.\\d*)?");
    /** DT: date, optional time, optional fraction, optional UTC offset (which a local time does not keep). */
    private static final Pattern DT = Pattern.compile("(\\d{8})(\\d{2,6})?(?:\\.\\d*)?(?:[+-]\\d{4})?");
    private static final Pattern AS = Pattern.compile("(\\d{1,3})\\s*([DWMY])", Pattern.CASE_INSENSITIVE);
    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.2425");
    private static final BigDecimal WEEKS_PER_YEAR = DAYS_PER_YEAR.divide(BigDecimal.valueOf(7), MathContext.DECIMAL64);

    private DicomDates() {}

    /** {@code 20180105} as {@code 2018-01-05}; anything else as written (the validator rejects it with its value). */
    static String date(String da) {
        if (da == null) return null;
        Matcher m = DA.matcher(da.trim());
        return m.matches() ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) : da.trim();
    }

    /** A DA and TM pair as {@code 2018-01-05T17:21:03}; the date alone as midnight; null without a date. */
    static String dateTime(String da, String tm) {
        String d = date(da);
        if (d == null) return null;
        String t = "00:00:00";
        if (tm != null) {
            Matcher m = TM.matcher(tm.trim());
            if (m.matches()) t = m.group(1) + ":" + (m.group(2) == null ? "00" : m.group(2)) + ":" + (m.group(3) == null ? "00" : m.group(3));
        }
        return d + "T" + t;
    }

    /** A DT value as an ISO local date-time; the offset is dropped, since the study's local time is what is audited. */
    static String dateTime(String dt) {
        if (dt == null) return null;
        Matcher m = DT.matcher(dt.trim());
        if (!m.matches()) return dt.trim();
        String time = m.group(2) == null ? "" : m.group(2);
        return dateTime(m.group(1), time.isEmpty() ? null : time);
    }

    /** Patient's Age ({@code 058Y}, {@code 010M}, {@code 009D}) in decimal years; the text as written when not an age. */
    static String ageYears(String as) {
        if (as == null) return null;
        Matcher m = AS.matcher(as.trim());
        if (!m.matches()) return as.trim();
        BigDecimal n = new BigDecimal(m.group(1));
        switch (Character.toUpperCase(m.group(2).charAt(0))) {
            case 'D': return n.divide(DAYS_PER_YEAR, MathContext.DECIMAL64).round(new MathContext(6)).toPlainString();
            case 'W': return n.divide(WEEKS_PER_YEAR, MathContext.DECIMAL64).round(new MathContext(6)).toPlainString();
            case 'M': return n.divide(BigDecimal.valueOf(12), MathContext.DECIMAL64).round(new MathContext(6)).toPlainString();
            default: return n.toPlainString();
        }
    }
}

package org.alaraaudit.scanlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pattern of a date written the way a local export writes it ({@code 25/10/2026 14:30}, {@code 10.25.2026},
 * {@code 2026/10/25}), so that the reason a row is rejected names the profile line that would read it. A whole
 * month of such rows is rejected otherwise with "is not a date-time YYYY-MM-DDTHH:MM", which tells a safety
 * officer what is wrong but not that one line of a mapping profile fixes it.
 */
final class LocalDateForm {
    /** Day and month in either order, a four-digit year last, and an optional time of day. */
    private static final Pattern YEAR_LAST = Pattern.compile(
            "(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4})(?:[ T](\\d{1,2}):(\\d{2})(:\\d{2})?)?");
    /** A four-digit year first with a separator other than ISO's dash, and an optional time of day. */
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(\\d{4})([/.])(\\d{1,2})\\2(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(:\\d{2})?)?");

    private LocalDateForm() {}

    /**
     * The Java date pattern (or two, day-first and month-first, when both numbers are 12 or less) the text is
     * written in, worded to follow the rejection's reason; null for text of no such form.
     */
    static String hint(String column, String text) {
        if (text == null) return null;
        String t = text.trim();
        Matcher m = YEAR_LAST.matcher(t);
        if (m.matches()) {
            String sep = m.group(2);
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(3));
            String time = time(m.group(5), m.group(7));
            // dd reads two digits only; d reads one or two, so a log that writes 5/10/2026 needs it.
            boolean padded = m.group(1).length() == 2 && m.group(3).length() == 2;
            String day = padded ? "dd" : "d", month = padded ? "MM" : "M";
            String dayFirst = day + sep + month + sep + "yyyy" + time;
            String monthFirst = month + sep + day + sep + "yyyy" + time;
            if (first > 12 && second <= 12) return oneForm(column, dayFirst);
            if (second > 12 && first <= 12) return oneForm(column, monthFirst);
            if (first > 12) return null;
            return "it is written day and month in an order the text cannot tell (" + dayFirst + " or " + monthFirst
                    + "): a mapping profile says which (" + column + ".format = " + dayFirst
                    + " for day first; docs/input-formats.md)";
        }
        m = YEAR_FIRST.matcher(t);
        if (m.matches()) {
            String sep = m.group(2);
            boolean padded = m.group(3).length() == 2 && m.group(4).length() == 2;
            return oneForm(column, "yyyy" + sep + (padded ? "MM" : "M") + sep + (padded ? "dd" : "d") + time(m.group(5), m.group(7)));
        }
        return null;
    }

    /**
     * For a value the reason must not give away (a birth date): the same advice without the pattern, since which
     * number exceeds 12 tells something of the day.
     */
    static String withheldHint(String column, String text) {
        return hint(column, text) == null ? null
                : "it is written in a local date form, which a mapping profile reads (" + column
                        + ".format, e.g. dd/MM/yyyy; docs/input-formats.md)";
    }

    private static String oneForm(String column, String pattern) {
        return "it reads as " + pattern + ", which a mapping profile reads (" + column + ".format = " + pattern
                + "; docs/input-formats.md)";
    }

    /** The time part of the pattern: one-digit hours are read by H, two by HH. */
    private static String time(String hour, String seconds) {
        if (hour == null) return "";
        return " " + (hour.length() == 1 ? "H" : "HH") + ":mm" + (seconds != null ? ":ss" : "");
    }
}

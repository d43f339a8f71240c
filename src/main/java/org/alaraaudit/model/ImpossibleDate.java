package org.alaraaudit.model;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a month, date or date-time written in its ISO form that names no month, day or time of the
 * calendar: "names day 31 of September 2026, which has 30 days", "hour 24 does not exist; midnight is 00:00 of the
 * next day". Worded once for every place that reads one (the period options, a scan log's cells), since "is not a
 * date-time YYYY-MM-DDTHH:MM" sends a reader who wrote just that form looking for a typo in the form.
 */
public final class ImpossibleDate {
    /** YYYY-MM, YYYY-MM-DD, or YYYY-MM-DD[T ]HH:MM[:SS[.fraction]]: the forms the period and the scan log take. */
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})(?:-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?)?)?");

    private ImpossibleDate() {}

    /**
     * For text in one of the ISO forms above that names no calendar month, day or time, what is wrong with it, to
     * follow the quoted text ({@code "2026-09-31" names day 31 of September 2026, which has 30 days}); null for text
     * of another form (the form is what is wrong) and for a month, day and time that exist. The date is judged
     * before the time.
     */
    public static String why(String text) {
        if (text == null) return null;
        Matcher m = ISO.matcher(text);
        if (!m.matches()) return null;
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) return "names month " + month + ": months run from 01 to 12";
        if (m.group(3) != null) {
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
            int day = Integer.parseInt(m.group(3));
            if (day < 1 || day > ym.lengthOfMonth()) {
                return "names day " + day + " of " + ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                        + ym.getYear() + ", which has " + ym.lengthOfMonth() + " days";
            }
        }
        if (m.group(4) != null) {
            int hour = Integer.parseInt(m.group(4));
            if (hour == 24) return "is not a time: hour 24 does not exist; midnight is 00:00 of the next day";
            if (hour > 24) return "is not a time: hour " + hour + " does not exist; hours run from 00 to 23";
            int minute = Integer.parseInt(m.group(5));
            if (minute > 59) return "is not a time: minute " + minute + " does not exist; minutes run from 00 to 59";
            if (m.group(6) != null && Integer.parseInt(m.group(6)) > 59) {
                return "is not a time: second " + Integer.parseInt(m.group(6)) + " does not exist; seconds run from 00 to 59";
            }
        }
        return null;
    }
}

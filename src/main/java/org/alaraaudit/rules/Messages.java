package org.alaraaudit.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How finding messages and report text write numbers: in one fixed locale, a point before decimals and a comma
 * between thousands, so a report and a findings file read the same on a workstation set to German or French as on
 * the build machine. The rules' consequences and every report format their numbers here.
 */
public final class Messages {
    /** The one locale of every message; the reports' thousands separator (1,234) and decimal point follow from it. */
    public static final Locale LOCALE = Locale.ROOT;

    private Messages() {}

    /** {@link String#format} in the fixed locale: what a DRL consequence calls to word its finding. */
    public static String format(String pattern, Object... args) {
        return String.format(LOCALE, pattern, args);
    }

    /** A count with thousands separated: 12,345. */
    public static String count(long n) {
        return format("%,d", n);
    }

    /** Up to four decimals, trailing zeros dropped: 12.5, not 12.500000000000002; 2.0 is 2. */
    public static String number(Double d) {
        if (d == null) return "";
        return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A {@link DecimalFormat} pattern in the fixed locale, for a chart axis that wants a format object. */
    public static DecimalFormat decimalFormat(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(LOCALE));
    }
}

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

    /**
     * {@link String#format} in the fixed locale: what a DRL consequence calls to word its finding. A number is
     * written as the value it stands for ({@link #meant}): the median of 3.26 and 3.27 is "3.27" at two decimals, as
     * the workbook shows it, not "3.26" from the 3.2649999999999997 the arithmetic left.
     */
    public static String format(String pattern, Object... args) {
        Object[] shown = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Double d) {
                if (shown == args) shown = args.clone();
                shown[i] = meant(d);
            }
        }
        return String.format(LOCALE, pattern, shown);
    }

    /**
     * The value a computed double stands for: rounded to 12 significant digits, which clears the last bits binary
     * arithmetic leaves (3.2649999999999997 for 3.265) and keeps every digit a dose or a ratio has. Spreadsheets
     * round to 15 digits before they show a number, so a value rounded from this reads as the workbook shows it.
     */
    public static double meant(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        // Scaled to a whole number of 12 digits and back; no BigDecimal, as every finding's message passes here.
        int scale = 11 - (int) Math.floor(Math.log10(Math.abs(v)));
        if (scale >= 0 && scale < POWERS_OF_TEN.length) return Math.rint(v * POWERS_OF_TEN[scale]) / POWERS_OF_TEN[scale];
        if (scale < 0 && -scale < POWERS_OF_TEN.length) return Math.rint(v / POWERS_OF_TEN[-scale]) * POWERS_OF_TEN[-scale];
        return v; // beyond 1e-11 or 1e22: no dose or ratio
    }

    /** 10^0 to 10^22: each exactly a double, so scaling by one adds no error of its own. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }

    /** A count with thousands separated: 12,345. */
    public static String count(long n) {
        return format("%,d", n);
    }

    /**
     * A deviation index as AAPM Report 116 writes one, with its sign: "+4.21", "-1.5", "0". Two decimals at most: one
     * computed as 10 log10(EI / EI target) from rounded indices carries no four decimals of meaning.
     */
    public static String signed(Double d) { return withSign(d, 2); }

    /**
     * As {@link #signed(Double)}, with the decimals it takes to differ from the action level it is said to be beyond:
     * 3.004 is "+3.004 above +3", never "+3 above +3".
     */
    public static String signed(Double d, Double beyond) {
        if (d == null || beyond == null) return signed(d);
        for (int scale = 2; scale < 6; scale++) {
            if (BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP).compareTo(BigDecimal.valueOf(beyond)) != 0) return withSign(d, scale);
        }
        String whole = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return d > 0 ? "+" + whole : whole;
    }

    private static String withSign(Double d, int scale) {
        if (d == null) return "";
        String n = BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return d > 0 && !n.equals("0") ? "+" + n : n;
    }

    /** Up to four decimals, trailing zeros dropped: 12.5, not 12.500000000000002; 2.0 is 2. */
    public static String number(Double d) {
        if (d == null) return "";
        return BigDecimal.valueOf(meant(d)).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A {@link DecimalFormat} pattern in the fixed locale, for a chart axis that wants a format object. */
    public static DecimalFormat decimalFormat(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(LOCALE));
    }
}

package org.alaraaudit.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.alaraaudit.rules.Messages;

/** How values appear in human-facing outputs: numbers without float noise, text that a spreadsheet cannot run. */
public final class Cells {
    private Cells() {}

    /** Up to four decimals, trailing zeros dropped: 12.5, not 12.500000000000002. */
    public static String number(Double d) { return Messages.number(d); }

    /**
     * An age cut (never rounded) to two decimals: 17.9996 y is 17.99, never 18.00, which would put a child
     * across the pediatric limit in a report while the rules treated it as a child.
     */
    public static Double age(Double years) {
        if (years == null || !Double.isFinite(years)) return years;
        return BigDecimal.valueOf(years).setScale(2, RoundingMode.FLOOR).doubleValue();
    }

    public static Double rounded(Double d, int decimals) {
        if (d == null) return null;
        return BigDecimal.valueOf(d).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * A number as a scan log writes one: signed or not, with a decimal point or comma, with or without an exponent
     * ({@code -724.36}, {@code +1,5}, {@code -1.2E-3}). Nothing in it can call a function or reach outside the cell.
     */
    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[+-]?(?:\\d+(?:[.,]\\d*)?|[.,]\\d+)(?:[eE][+-]?\\d+)?");

    /**
     * Text from the input that starts like a formula is prefixed with an apostrophe, as spreadsheet-injection
     * guidance recommends (OWASP, CWE-1236); only human-facing exports do this, JSON stays raw. A plain signed
     * number is written as it is: the prefix would change the very value a rejected row reports ({@code '-724.36}
     * for a negative DLP), and a sign followed by digits alone cannot run anything.
     */
    public static String safeText(String s) {
        if (s == null || s.isEmpty()) return s == null ? "" : s;
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0'
                || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20') {
            if ((c == '+' || c == '-') && PLAIN_NUMBER.matcher(s).matches()) return s;
            return "'" + s;
        }
        return s;
    }
}

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
     * Text from the input that starts like a formula is prefixed with an apostrophe, as spreadsheet-injection
     * guidance recommends (OWASP, CWE-1236); only human-facing exports do this, JSON stays raw.
     */
    public static String safeText(String s) {
        if (s == null || s.isEmpty()) return s == null ? "" : s;
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0'
                || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20') {
            return "'" + s;
        }
        return s;
    }
}

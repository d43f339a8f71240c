package org.alaraaudit.dosimetry;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as they appear in estimate notes: four significant digits, no trailing zeros, no locale. */
final class Figures {
    private Figures() {}

    static String format(double value) {
        if (!Double.isFinite(value)) return String.valueOf(value);
        if (value == 0) return "0";
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}

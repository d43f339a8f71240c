package org.alaraaudit.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A value written beside the level it is judged against, with the decimals it takes to differ from that level: a
 * finding that reads "1000 mGy, above the alert value 1000 mGy" (for 1000.01) or "2.00 times it" (for 2.004, above a
 * factor of 2) looks like a verdict at the threshold, and a reviewer reads it as a wrong one.
 */
public final class ThresholdText {
    private ThresholdText() {}

    /**
     * {@code value} with {@code decimals} decimals, or with up to four more where fewer would read as {@code level};
     * a value equal to the level keeps {@code decimals}.
     */
    public static String beside(double value, double level, int decimals) {
        BigDecimal exact = BigDecimal.valueOf(value);
        BigDecimal at = BigDecimal.valueOf(level);
        if (exact.compareTo(at) == 0) return exact.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        for (int scale = decimals; scale <= decimals + 4; scale++) {
            BigDecimal shown = exact.setScale(scale, RoundingMode.HALF_UP);
            if (shown.compareTo(at) != 0) return shown.toPlainString();
        }
        return exact.stripTrailingZeros().toPlainString();
    }
}

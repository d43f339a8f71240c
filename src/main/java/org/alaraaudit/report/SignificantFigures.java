package org.alaraaudit.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How the reports print a dose, a ratio or a DRL for a reader: three significant figures, no trailing zeros, whole
 * units kept (a DRL of 27 mGy is "27", not "27.00"; 1196 mGy is "1196", not "1.20E+3"). Full precision stays in
 * findings.json and the workbooks.
 */
public final class SignificantFigures {
    private static final MathContext THREE = new MathContext(3, RoundingMode.HALF_UP);

    private SignificantFigures() {}

    public static String three(Double v) {
        if (v == null) return "";
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) return v == 0 ? "0" : String.valueOf(v);
        // rounded from the value meant, so the PDF's 3.27 is the workbook's 3.27 (see Messages.meant)
        BigDecimal d = BigDecimal.valueOf(org.alaraaudit.rules.Messages.meant(v)).round(THREE).stripTrailingZeros();
        if (d.scale() < 0) d = BigDecimal.valueOf(Math.round(v));
        return d.toPlainString();
    }
}

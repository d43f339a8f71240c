package org.alaraaudit.dosimetry;

/**
 * Which coefficient a patient of unknown sex gets where the table has both a female and a male phantom.
 * marrow-dose.md section 3 suggests the larger one for a screening tool (it errs towards over-estimation);
 * the mean is the neutral alternative.
 */
public enum UnknownSexRule {
    LARGER, MEAN;

    double combine(double female, double male) {
        return this == LARGER ? Math.max(female, male) : (female + male) / 2;
    }

    String describe(double female, double male) {
        String pair = "F " + Figures.format(female) + ", M " + Figures.format(male);
        return this == LARGER ? "sex unknown: larger of the female and male coefficients (" + pair + ")"
                : "sex unknown: mean of the female and male coefficients (" + pair + ")";
    }
}

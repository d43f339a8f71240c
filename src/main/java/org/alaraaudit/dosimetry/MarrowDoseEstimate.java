package org.alaraaudit.dosimetry;

/**
 * An estimated red bone marrow dose (mGy) for one acquisition: the coefficient, the CTDIvol it was applied
 * to (on the coefficient's phantom), the coefficient set, and every assumption made, including any phantom
 * factor. An estimate from reference phantoms, never a measured dose or an individual risk.
 */
public final class MarrowDoseEstimate {
    private final double mgy;
    private final double coefficient;
    private final double ctdivolMgy;
    private final String dataset;
    private final java.util.function.Supplier<String> describe;
    private String assumption;

    public MarrowDoseEstimate(double mgy, double coefficient, double ctdivolMgy, String dataset, String assumption) {
        this(mgy, coefficient, ctdivolMgy, dataset, () -> assumption);
    }

    /**
     * The assumptions are written out only when a report or message asks: every CT acquisition gets an estimate
     * for the cumulative sums, and formatting their numbers cost a tenth of the audit.
     */
    MarrowDoseEstimate(double mgy, double coefficient, double ctdivolMgy, String dataset,
                       java.util.function.Supplier<String> assumption) {
        this.mgy = mgy;
        this.coefficient = coefficient;
        this.ctdivolMgy = ctdivolMgy;
        this.dataset = dataset;
        this.describe = assumption;
    }

    public double mgy() { return mgy; }

    public double coefficient() { return coefficient; }

    public double ctdivolMgy() { return ctdivolMgy; }

    public String dataset() { return dataset; }

    public String assumption() {
        if (assumption == null) assumption = describe.get();
        return assumption;
    }

    @Override
    public String toString() { return "MarrowDoseEstimate[mgy=" + mgy + ", coefficient=" + coefficient + ", " + assumption() + "]"; }
}

package org.alaraaudit.dosimetry;

/**
 * An effective dose estimate (mSv) for population-level comparison only, never an individual's risk
 * (dose-references.md section 4), with the coefficient, its dataset and what was assumed to get there.
 */
public final class EffectiveDoseEstimate {
    private final double msv;
    private final double k;
    private final String dataset;
    private final java.util.function.Supplier<String> describe;
    private String assumption;
    /** What the coefficient's status takes from the estimate ("the neck coefficient 0.0059 ... is unverified"); or null. */
    private final String caveat;

    public EffectiveDoseEstimate(double msv, double k, String dataset, String assumption) {
        this(msv, k, dataset, () -> assumption, null);
    }

    /** The assumptions are written out only when asked for: see {@link MarrowDoseEstimate}. */
    EffectiveDoseEstimate(double msv, double k, String dataset, java.util.function.Supplier<String> assumption, String caveat) {
        this.msv = msv;
        this.k = k;
        this.dataset = dataset;
        this.describe = assumption;
        this.caveat = caveat;
    }

    /**
     * Null, or what an estimate built on an unverified coefficient must say of it wherever it is reported: a value is
     * never shown stronger than its status (shared/reference/reference-status.md).
     */
    public String caveat() { return caveat; }

    public double msv() { return msv; }

    public double k() { return k; }

    public String dataset() { return dataset; }

    public String assumption() {
        if (assumption == null) assumption = describe.get();
        return assumption;
    }

    @Override
    public String toString() { return "EffectiveDoseEstimate[msv=" + msv + ", k=" + k + ", " + assumption() + "]"; }
}

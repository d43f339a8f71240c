package org.alaraaudit.audit.aggregate;

/**
 * How many of the period's pediatric CT patients fall in each band of estimated cumulative red-marrow dose over
 * the look-back window, so a department sees how many approach the levels EPI-CT discusses (its cohort's
 * children received about 8 mGy on average). Patients with no estimable acquisition are counted apart.
 */
public record MarrowDoseProfile(long below10, long from10To50, long from50To100, long atLeast100, long notEstimated,
                                int windowDays, double phantomFactor32To16, String phantomFactorSource) {

    public static final String UNIT = "mGy";

    static final class Counter {
        private long below10;
        private long from10To50;
        private long from50To100;
        private long atLeast100;
        private long notEstimated;

        void add(Double mgy) {
            if (mgy == null) notEstimated++;
            else if (mgy < 10) below10++;
            else if (mgy < 50) from10To50++;
            else if (mgy < 100) from50To100++;
            else atLeast100++;
        }

        void write(org.alaraaudit.audit.spill.SpillOut out) throws java.io.IOException {
            for (long n : new long[] {below10, from10To50, from50To100, atLeast100, notEstimated}) out.longWhole(n);
        }

        /** Adds another set of patients' counts, written by {@link #write}. */
        void merge(org.alaraaudit.audit.spill.SpillIn in) throws java.io.IOException {
            below10 += in.longWhole();
            from10To50 += in.longWhole();
            from50To100 += in.longWhole();
            atLeast100 += in.longWhole();
            notEstimated += in.longWhole();
        }

        MarrowDoseProfile profile(int windowDays, double factor, String factorSource) {
            return new MarrowDoseProfile(below10, from10To50, from50To100, atLeast100, notEstimated, windowDays, factor, factorSource);
        }
    }

    public long patients() { return below10 + from10To50 + from50To100 + atLeast100 + notEstimated; }
}

package org.alaraaudit.audit.aggregate;

/**
 * A distribution-free confidence interval for a median: the order statistics x(j) and x(n-j+1) (1-based) with j the
 * largest rank for which the binomial tail P(B <= j-1), B ~ Bin(n, 1/2), is at most (1 - level) / 2. It assumes
 * nothing of the dose distribution (skewed, as doses are), only that the month's studies are a sample of the
 * station's practice; a month's median moving by a fifth may be that sample's spread, not a protocol change.
 *
 * @param lowRank  j, 1-based
 * @param highRank n - j + 1, 1-based
 * @param coverage the interval's exact coverage, 1 - 2 P(B <= j-1): at least the level asked for
 */
public record MedianInterval(int n, int lowRank, int highRank, double coverage) {
    public static final double LEVEL = 0.95;

    /** The ranks for a sample of {@code n}; null when no interval reaches the level (n < 6 at 95 %). */
    public static MedianInterval ranks(int n, double level) {
        double tail = (1 - level) / 2;
        // P(B <= k) summed up from k = 0, in logs: 0.5^n underflows a double from n = 1075.
        double logPmf = -n * Math.log(2);
        double cdf = 0;
        int j = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0) logPmf += Math.log((double) (n - k + 1) / k);
            double next = cdf + Math.exp(logPmf);
            if (next > tail) break;
            cdf = next;
            j = k + 1;
        }
        if (j == 0) return null;
        return new MedianInterval(n, j, n - j + 1, 1 - 2 * cdf);
    }
}

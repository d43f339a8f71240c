package org.alaraaudit.audit;

import java.util.Arrays;

/** A growing sample of dose values kept as primitives, with the order statistics DRL work needs. */
public final class DoseSample {
    private double[] values = new double[16];
    private int size;

    public void add(double v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    public int size() { return size; }

    /** Median: the "typical value" of ICRP 135 and what a facility is compared with the DRL on. */
    public Double median() { return quantile(0.5); }

    /** 75th percentile: how national DRLs are set (ICRP 135). */
    public Double p75() { return quantile(0.75); }

    /** Linear interpolation between order statistics (Hyndman-Fan type 7, as spreadsheets compute it). */
    public Double quantile(double q) {
        if (size == 0) return null;
        double[] s = Arrays.copyOf(values, size);
        Arrays.sort(s);
        double h = (size - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, size - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}

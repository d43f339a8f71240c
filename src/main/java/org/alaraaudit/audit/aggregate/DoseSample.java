package org.alaraaudit.audit.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alaraaudit.audit.spill.DoseValueFile;

/**
 * A growing sample of dose values kept as primitives, with the order statistics DRL work needs. A sample given
 * a {@link DoseValueFile} keeps at most one block in memory and writes full blocks to that file; its quantiles
 * are then found by radix selection over the blocks, exactly as sorting would give them, in memory bounded by
 * the selection's counters rather than by the sample. {@link #freeze()} keeps the quantiles the reports read and
 * lets the values go.
 */
public final class DoseSample {
    static final int BLOCK = 4096;
    // The 5th and 95th percentiles too: the report's box plots draw their whiskers there.
    private static final double[] REPORTED = {0, 0.05, 0.25, 0.5, 0.75, 0.95, 1};

    private final DoseValueFile file;
    private double[] values = new double[16];
    private int size;
    private long total;
    private final List<Long> blocks = new ArrayList<>();
    private double[] frozen;

    public DoseSample() { this(null); }

    DoseSample(DoseValueFile file) { this.file = file; }

    public void add(double v) {
        if (frozen != null) throw new IllegalStateException("the sample is frozen");
        if (size == values.length) {
            if (file != null && size >= BLOCK) {
                blocks.add(file.append(values, size));
                size = 0;
            } else {
                values = Arrays.copyOf(values, size * 2);
            }
        }
        values[size++] = v;
        total++;
    }

    public int size() { return (int) total; }

    /** Median: the "typical value" of ICRP 135 and what a facility is compared with the DRL on. */
    public Double median() { return quantile(0.5); }

    /** 75th percentile: how national DRLs are set (ICRP 135). */
    public Double p75() { return quantile(0.75); }

    /**
     * Linear interpolation between order statistics (Hyndman-Fan type 7, as spreadsheets compute it). A frozen
     * sample knows the minimum, 5th percentile, quartiles, 95th percentile and maximum only.
     */
    public Double quantile(double q) {
        if (total == 0) return null;
        if (frozen != null) {
            for (int i = 0; i < REPORTED.length; i++) if (REPORTED[i] == q) return frozen[i];
            throw new IllegalStateException("a frozen sample keeps the 0, 5, 25, 50, 75, 95 and 100th percentiles only, not the " + q + " quantile");
        }
        double h = (total - 1) * q;
        long lo = (long) Math.floor(h);
        long hi = Math.min(lo + 1, total - 1);
        if (blocks.isEmpty()) {
            double[] s = Arrays.copyOf(values, size);
            Arrays.sort(s);
            return s[(int) lo] + (h - lo) * (s[(int) hi] - s[(int) lo]);
        }
        double a = select(lo);
        double b = hi == lo ? a : select(hi);
        return a + (h - lo) * (b - a);
    }

    /** Keeps the reported quantiles and releases the values (and the sample's blocks of the file). */
    void freeze() {
        if (frozen != null) return;
        double[] q = new double[REPORTED.length];
        if (total > 0) for (int i = 0; i < q.length; i++) q[i] = quantile(REPORTED[i]);
        frozen = q;
        values = null;
        blocks.clear();
    }

    /** The k-th smallest value (0-based): four passes of 16-bit radix counting over the blocks and the buffer. */
    private double select(long k) {
        long prefix = 0;
        long mask = 0;
        double[] block = new double[BLOCK];
        // int counters (a sample has fewer than 2^31 values), allocated once: 256 KB, under G1's humongous size.
        int[] counts = new int[1 << 16];
        for (int shift = 48; shift >= 0; shift -= 16) {
            java.util.Arrays.fill(counts, 0);
            for (long offset : blocks) {
                file.read(offset, block, BLOCK);
                count(block, BLOCK, prefix, mask, shift, counts);
            }
            count(values, size, prefix, mask, shift, counts);
            int digit = 0;
            while (k >= counts[digit]) k -= counts[digit++];
            prefix |= (long) digit << shift;
            mask |= 0xFFFFL << shift;
        }
        return unsortable(prefix);
    }

    private static void count(double[] v, int n, long prefix, long mask, int shift, int[] counts) {
        for (int i = 0; i < n; i++) {
            long key = sortable(v[i]);
            if ((key & mask) == prefix) counts[(int) ((key >>> shift) & 0xFFFF)]++;
        }
    }

    /** The double's bits turned so that unsigned order is numeric order (negatives flipped, sign bit set on the rest). */
    private static long sortable(double d) {
        long bits = Double.doubleToLongBits(d);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    private static double unsortable(long key) {
        long bits = key < 0 ? key ^ Long.MIN_VALUE : ~key;
        return Double.longBitsToDouble(bits);
    }
}

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
 *
 * <p>A sample given {@link Elsewhere} keeps no values at all: it counts them and hands each to that store under its
 * id, and once frozen takes its quantiles from the store. A Spark run works so: the executors' tallies send their
 * values away, and the exact order statistics come back computed by Spark (see {@link #neededRanks}).
 */
public final class DoseSample {
    static final int BLOCK = 4096;
    // The 5th and 95th percentiles too: the report's box plots draw their whiskers there.
    private static final double[] REPORTED = {0, 0.05, 0.25, 0.5, 0.75, 0.95, 1};

    /**
     * Where samples of a tally keep their values when the tally does not: {@link #add} takes a sample's values (on
     * the machines that tally), {@link #quantiles} gives the reported quantiles computed from all of them (where the
     * tallies are merged). A store serves one of the two.
     */
    public interface Elsewhere {
        void add(String sample, double value);

        /**
         * The 0, 5, 25, 50, 75, 95 and 100th percentiles of the sample's values and its median's 95 % interval, as
         * {@link #reported} computes them.
         */
        double[] quantiles(String sample);
    }

    private final DoseValueFile file;
    private final String id;
    private final Elsewhere elsewhere;
    private double[] values = new double[16];
    private int size;
    private long total;
    private final List<Long> blocks = new ArrayList<>();
    private double[] frozen;

    public DoseSample() { this(null); }

    DoseSample(DoseValueFile file) {
        this.file = file;
        this.id = null;
        this.elsewhere = null;
    }

    /** A sample whose values are kept in {@code elsewhere} under {@code id}. */
    DoseSample(String id, Elsewhere elsewhere) {
        this.file = null;
        this.id = id;
        this.elsewhere = elsewhere;
        this.values = null;
    }

    public void add(double v) {
        if (frozen != null) throw new IllegalStateException("the sample is frozen");
        if (elsewhere != null) {
            elsewhere.add(id, v);
            total++;
            return;
        }
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
        if (elsewhere != null) throw new IllegalStateException("the values of sample " + id + " are kept elsewhere: freeze it first");
        if (blocks.isEmpty()) {
            double[] s = Arrays.copyOf(values, size);
            Arrays.sort(s);
            return quantile(total, q, k -> s[(int) k]);
        }
        return quantile(total, q, this::select);
    }

    /** The q quantile of {@code total} values given the k-th smallest (0-based): type 7, the one formula of every sample. */
    private static double quantile(long total, double q, java.util.function.LongToDoubleFunction kth) {
        double h = (total - 1) * q;
        long lo = (long) Math.floor(h);
        long hi = Math.min(lo + 1, total - 1);
        double a = kth.applyAsDouble(lo);
        double b = hi == lo ? a : kth.applyAsDouble(hi);
        return a + (h - lo) * (b - a);
    }

    /**
     * The 95 % distribution-free confidence interval of the median, {low, high}, or null when the sample is too small
     * for one (fewer than 6 values). A frozen sample kept it (it is among the order statistics {@link #reported} reads).
     */
    public double[] medianInterval() {
        if (frozen != null) return Double.isNaN(frozen[REPORTED.length]) ? null : new double[] {frozen[REPORTED.length], frozen[REPORTED.length + 1]};
        if (elsewhere != null) throw new IllegalStateException("the values of sample " + id + " are kept elsewhere: freeze it first");
        MedianInterval r = interval(total);
        if (r == null) return null;
        if (blocks.isEmpty()) {
            double[] s = Arrays.copyOf(values, size);
            Arrays.sort(s);
            return new double[] {s[r.lowRank() - 1], s[r.highRank() - 1]};
        }
        return new double[] {select(r.lowRank() - 1), select(r.highRank() - 1)};
    }

    private static MedianInterval interval(long total) {
        return total > Integer.MAX_VALUE ? null : MedianInterval.ranks((int) total, MedianInterval.LEVEL);
    }

    /** The ranks (0-based, ascending) of the order statistics that the reported quantiles of {@code total} values read. */
    public static long[] neededRanks(long total) {
        java.util.TreeSet<Long> ranks = new java.util.TreeSet<>();
        for (double q : REPORTED) {
            double h = (total - 1) * q;
            long lo = (long) Math.floor(h);
            ranks.add(lo);
            ranks.add(Math.min(lo + 1, total - 1));
        }
        MedianInterval r = interval(total);
        if (r != null) {
            ranks.add(r.lowRank() - 1L);
            ranks.add(r.highRank() - 1L);
        }
        return ranks.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The reported quantiles of {@code total} values from their order statistics at {@link #neededRanks}, then the
     * median's 95 % interval (NaN, NaN where fewer than 6 values give none): what a frozen sample keeps, so the DRL
     * table's interval is the same spilled, in memory or from Spark.
     */
    public static double[] reported(long total, java.util.function.LongToDoubleFunction kth) {
        double[] q = new double[REPORTED.length + 2];
        if (total > 0) for (int i = 0; i < REPORTED.length; i++) q[i] = quantile(total, REPORTED[i], kth);
        MedianInterval r = interval(total);
        q[REPORTED.length] = r == null ? Double.NaN : kth.applyAsDouble(r.lowRank() - 1L);
        q[REPORTED.length + 1] = r == null ? Double.NaN : kth.applyAsDouble(r.highRank() - 1L);
        return q;
    }

    /** Keeps the reported quantiles and releases the values (and the sample's blocks of the file). */
    void freeze() {
        if (frozen != null) return;
        frozen = elsewhere == null ? frozenHere() : total == 0 ? reported(0, k -> Double.NaN) : elsewhere.quantiles(id);
        values = null;
        blocks.clear();
    }

    private double[] frozenHere() {
        if (total == 0 || !blocks.isEmpty() && total > SORTED_AT_MOST) return reported(total, this::select);
        if (!blocks.isEmpty()) gather();
        // Sorted once for the seven quantiles, in place (freezing releases the values), not copied and sorted for each.
        Arrays.sort(values, 0, size);
        double[] sorted = values;
        return reported(total, k -> sorted[(int) k]);
    }

    /**
     * Up to this many values (8 MB), a spilled sample is read back whole and sorted when it is frozen: one pass over
     * its blocks instead of four for each of the fourteen order statistics (6% of the audit's thread at a million
     * events). Samples are frozen one at a time, so this bounds the memory it takes; larger ones are selected.
     */
    static final int SORTED_AT_MOST = 1 << 20;

    /** The blocks on disk and the buffer, in one array of the sample's values. */
    private void gather() {
        double[] all = new double[(int) total];
        double[] block = new double[BLOCK];
        int n = 0;
        for (long offset : blocks) {
            file.read(offset, block, BLOCK);
            System.arraycopy(block, 0, all, n, BLOCK);
            n += BLOCK;
        }
        System.arraycopy(values, 0, all, n, size);
        values = all;
        size = all.length;
        blocks.clear();
    }

    /** Values added (to this part of a sample kept elsewhere), for a partial tally's record. */
    long count() { return total; }

    /** The count of another part of a sample kept elsewhere (a partial tally of other patients) joins this one's. */
    void addCount(long n) {
        if (elsewhere == null) throw new IllegalStateException("only a sample kept elsewhere takes a count");
        total += n;
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

package org.alaraaudit.sample;

/** Decides which slots carry a planted anomaly: stratified, one per block of {@code 1/share} slots. */
final class AnomalySchedule {
    private static final Anomaly[] KINDS = Anomaly.values();
    private final Rng rng;
    private final long[] block = new long[KINDS.length];
    private final long[] next = new long[KINDS.length];

    AnomalySchedule(Rng rng) {
        this.rng = rng;
        for (int k = 0; k < KINDS.length; k++) {
            next[k] = place(k, 0);
        }
    }

    private long place(int k, long b) {
        double p = KINDS[k].period();
        long start = (long) Math.floor(b * p);
        long end = (long) Math.floor((b + 1) * p);
        long len = Math.max(1, end - start);
        return start + (long) (rng.nextDouble() * len);
    }

    /** The anomaly of slot {@code i} (slots are asked in order 0, 1, 2, ...), or null for a plain study. */
    Anomaly at(long i) {
        for (int k = 0; k < KINDS.length; k++) {
            if (next[k] <= i) {
                block[k]++;
                next[k] = Math.max(i + 1, place(k, block[k]));
                return KINDS[k];
            }
        }
        return null;
    }
}

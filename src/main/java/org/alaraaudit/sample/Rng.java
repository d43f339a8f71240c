package org.alaraaudit.sample;

/**
 * SplitMix64 random numbers with an own Gaussian, so that output never depends on the JDK's
 * {@code java.util.Random} internals; all transcendental functions use {@link StrictMath}, which
 * gives the same bits on every platform.
 */
final class Rng {
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** A generator for an independent stream derived from this seed and a label. */
    static Rng derived(long seed, long label) {
        Rng r = new Rng(seed ^ (label * 0x632BE59BD9B4E019L));
        r.nextLong();
        return r;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform integer in [lo, hi] (both included). */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Standard normal (Box-Muller, no cached second value). */
    double gaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Log-normal around a median: median * exp(sigma * z), z truncated to +-3.5. */
    double logNormal(double median, double sigma) {
        double z = Math.max(-3.5, Math.min(3.5, gaussian()));
        return median * StrictMath.exp(sigma * z);
    }

    /** Index drawn with the given (not necessarily normalised) weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }
}

package org.alaraaudit.model;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * The age bands a radiograph's or fluoroscopy procedure's typical value is grouped in where no DRL row applies: the
 * bands of the pediatric DRL surveys (0-1, 1-5, 5-10, 10-15 y), and adults from the pediatric limit on. The oldest
 * children's band ends at the limit, so it is labelled with it ("15-<18 y", "15-<21 y" with --pediatric-age 21): an
 * open "15+ y" read as if it held adults, who are in "adult". A band the limit cuts short is labelled the same way.
 */
public final class ProjectionAgeBands {
    public static final String ADULT = "adult";
    /** The oldest children's band as runs before this labelling stored it in the history. */
    private static final String OPEN_OLDEST = "15+ y";
    /** Each band's lower edge in years; a band ends where the next one starts, the last at the pediatric limit. */
    private static final double[] EDGES = {0, 1, 5, 10, 15};

    /** Youngest first, "adult" last: by the band's lower edge, as the reports list bands. */
    public static final Comparator<String> YOUNGEST_FIRST =
            Comparator.comparingDouble(ProjectionAgeBands::cachedLowerEdge).thenComparing(Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * Each band's lower edge, read once: the typical-value groups are kept sorted, so every radiograph's lookup
     * compares bands several times, and a run has a handful of band labels.
     */
    private static final java.util.Map<String, Double> EDGE_OF = new java.util.concurrent.ConcurrentHashMap<>();

    private static double cachedLowerEdge(String band) {
        if (band == null) return Double.MAX_VALUE;
        Double e = EDGE_OF.get(band);
        if (e == null) {
            e = lowerEdge(band);
            if (EDGE_OF.size() < 1000) EDGE_OF.put(band, e);
        }
        return e;
    }

    private final double pediatricLimit;
    /** Each band's label, made once: every radiograph without a DRL row asks for one. */
    private final String[] labels = new String[EDGES.length];

    public ProjectionAgeBands(double pediatricLimitYears) {
        this.pediatricLimit = pediatricLimitYears;
        for (int i = 0; i < EDGES.length; i++) {
            double upper = i + 1 < EDGES.length ? EDGES[i + 1] : Double.POSITIVE_INFINITY;
            labels[i] = upper <= pediatricLimit
                    ? years(EDGES[i]) + "-" + years(upper) + " y"
                    : years(EDGES[i]) + "-<" + years(pediatricLimit) + " y";
        }
    }

    /** The band of a patient of {@code ageYears}. */
    public String of(double ageYears) {
        if (ageYears >= pediatricLimit) return ADULT;
        int i = EDGES.length - 1;
        while (i > 0 && ageYears < EDGES[i]) i--;
        return labels[i];
    }

    /**
     * A band as a run stored it, labelled as this run labels it: an earlier run's "15+ y" held children from 15 to
     * its own pediatric limit, the band a run with that limit now calls "15-<18 y", so a trend over both keeps one line.
     */
    public static String stored(String band, double runPediatricLimitYears) {
        return OPEN_OLDEST.equals(band) ? new ProjectionAgeBands(runPediatricLimitYears).of(EDGES[EDGES.length - 1]) : band;
    }

    /** A band's lower edge in years, its leading number; "adult" and a band that does not start with one go last. */
    private static double lowerEdge(String band) {
        if (band == null || ADULT.equals(band)) return Double.MAX_VALUE;
        int end = 0;
        while (end < band.length() && (Character.isDigit(band.charAt(end)) || band.charAt(end) == '.')) end++;
        try {
            return end == 0 ? Double.MAX_VALUE / 2 : Double.parseDouble(band.substring(0, end));
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE / 2;
        }
    }

    private static String years(double v) { return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(); }
}

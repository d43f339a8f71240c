package org.alaraaudit.dosimetry;

import java.util.Objects;

/**
 * An age range of a reference table row, half-open: min included, max excluded, so neighbouring rows
 * can share an edge ("1-<5 y", "5-<10 y") without a patient falling into both. A null end is unbounded.
 */
public record AgeBand(Double minYears, Double maxYears) {

    public static final AgeBand ALL_AGES = new AgeBand(null, null);

    public AgeBand {
        if (minYears != null && !Double.isFinite(minYears)) throw new IllegalArgumentException("age band minimum is not a number");
        if (maxYears != null && !Double.isFinite(maxYears)) throw new IllegalArgumentException("age band maximum is not a number");
        if (minYears != null && maxYears != null && minYears >= maxYears) {
            throw new IllegalArgumentException("age band minimum " + Figures.format(minYears)
                    + " is not below its maximum " + Figures.format(maxYears));
        }
    }

    public boolean contains(double ageYears) {
        if (!Double.isFinite(ageYears)) return false;
        return (minYears == null || ageYears >= minYears) && (maxYears == null || ageYears < maxYears);
    }

    /** True when some age belongs to both bands; tables reject that, since a lookup must be unambiguous. */
    public boolean overlaps(AgeBand other) {
        double lo = Math.max(lower(this), lower(other));
        double hi = Math.min(upper(this), upper(other));
        return lo < hi;
    }

    /** Written the way the reference tables write bands: "1-<5 y", ">=18 y", "<1 y". */
    public String label() {
        if (minYears == null && maxYears == null) return "all ages";
        if (maxYears == null) return ">=" + Figures.format(minYears) + " y";
        if (minYears == null) return "<" + Figures.format(maxYears) + " y";
        return Figures.format(minYears) + "-<" + Figures.format(maxYears) + " y";
    }

    @Override
    public String toString() { return label(); }

    /** A table's phantom-age cell for notes: "5" reads "5 y", "adult" stays "adult". */
    static String phantomAgeLabel(String tabulatedAge) {
        return tabulatedAge.matches("\\d+(\\.\\d+)?") ? tabulatedAge + " y" : tabulatedAge;
    }

    private static double lower(AgeBand b) { return Objects.requireNonNullElse(b.minYears, Double.NEGATIVE_INFINITY); }

    private static double upper(AgeBand b) { return Objects.requireNonNullElse(b.maxYears, Double.POSITIVE_INFINITY); }
}

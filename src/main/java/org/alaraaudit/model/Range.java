package org.alaraaudit.model;

import java.util.Locale;

/** A half-open range [min, max) where a blank end is unbounded: how every band and catalog range is read. */
public record Range(Double min, Double max) {
    public static final Range ANY = new Range(null, null);

    public boolean contains(double v) {
        return (min == null || v >= min) && (max == null || v < max);
    }

    /** The end of the range a value lies beyond (the minimum below it, the maximum at or above it), else null. */
    public Double violatedBound(double v) {
        if (min != null && v < min) return min;
        if (max != null && v >= max) return max;
        return null;
    }

    public boolean isUnbounded() { return min == null && max == null; }

    public String label(String unit) {
        if (isUnbounded()) return "any";
        if (min == null || min == 0) return "<" + fmt(max) + " " + unit;
        if (max == null) return ">=" + fmt(min) + " " + unit;
        return fmt(min) + "-<" + fmt(max) + " " + unit;
    }

    /** A table's number as it was written: 2.5, 31, never 31.0 (the one form every model text uses). */
    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}

package org.alaraaudit.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * The settings of {@code settings.csv} the thresholds workbook may change, with the range a value must lie in.
 * Text settings (drl_set, ...) are left to the CSV: a decision table cell would only invite typos there.
 * {@code drl_min_sample_studies} and {@code trend_median_step_fraction} are left out on purpose: the trend report
 * reads them from settings.csv directly, and a workbook edit would make it disagree with the audit.
 */
public enum ThresholdSetting {
    PEDIATRIC_AGE_YEARS("pediatric_age_years", "age below which a patient is pediatric (also --pediatric-age)", 0, false, 130, false),
    REPEAT_WINDOW_HOURS("repeat_window_hours", "REPEAT_STUDY: a CT of an overlapping region within this many hours", 0, false, 8760, false),
    ALERT_ACCUMULATED_CTDIVOL_MGY("alert_accumulated_ctdivol_mgy", "CT_ALERT_VALUE: accumulated CTDIvol over one region in a study",
            0, false, 100_000, false),
    EXPECTED_RANGE_MAJOR_FACTOR("expected_range_major_factor",
            "DOSE_ABOVE_EXPECTED_RANGE is MAJOR above this multiple of the upper value", 1, true, 100, false),
    CUMULATIVE_WINDOW_DAYS("cumulative_window_days", "CUMULATIVE_DOSE look-back window", 1, true, 36_500, true),
    PHANTOM_FACTOR_32_TO_16("phantom_factor_32_to_16",
            "CTDIvol(16 cm) / CTDIvol(32 cm) for children's body scans (marrow dose estimate)", 0, false, 10, false),
    PEDIATRIC_HIGH_KVP("pediatric_high_kvp", "PEDIATRIC_HIGH_KVP: kVp at or above which a child's body scan is flagged",
            40, true, 150, false),
    PEDIATRIC_HIGH_KVP_MAX_WEIGHT_KG("pediatric_high_kvp_max_weight_kg", "PEDIATRIC_HIGH_KVP: children under this weight",
            0, false, 400, false),
    PEDIATRIC_HIGH_KVP_MAX_AGE_YEARS("pediatric_high_kvp_max_age_years",
            "PEDIATRIC_HIGH_KVP: children under this age when the weight is unknown", 0, false, 130, false);

    private final String key;
    private final String description;
    private final double min;
    private final boolean minIncluded;
    private final double max;
    private final boolean whole;

    ThresholdSetting(String key, String description, double min, boolean minIncluded, double max, boolean whole) {
        this.key = key;
        this.description = description;
        this.min = min;
        this.minIncluded = minIncluded;
        this.max = max;
        this.whole = whole;
    }

    public String key() { return key; }

    public String description() { return description; }

    public static Optional<ThresholdSetting> of(String key) {
        for (ThresholdSetting s : values()) if (s.key.equals(key)) return Optional.of(s);
        return Optional.empty();
    }

    /** Why the value cannot be used, or null when it can. */
    String problem(double v) {
        if (whole && v != Math.rint(v)) return "must be a whole number";
        if (minIncluded ? v < min : v <= min) return "must be " + (minIncluded ? "at least " : "above ") + number(min);
        if (v > max) return "must be at most " + number(max);
        return null;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : Double.toString(d);
    }
}

package org.alaraaudit.rules;

import java.util.Optional;

/**
 * The numeric settings of {@code settings.csv}, each with the range its value must lie in. A value out of range
 * does not fail loudly in a rule: a negative repeat window or a pediatric limit of 0 simply makes a rule never
 * fire, so the audit reports a compliant department. The ranges are generous around any policy a site could
 * mean, and the same for the CSV, the thresholds workbook and the command line.
 */
public enum NumericSetting {
    /** Institutions use 18 or 21; 25 leaves room for any local definition of a young patient. */
    PEDIATRIC_AGE_YEARS("pediatric_age_years", "years", 1, true, 25, false, true),
    REPEAT_WINDOW_HOURS("repeat_window_hours", "hours", 0, false, 8760, false, true),
    ALERT_ACCUMULATED_CTDIVOL_MGY("alert_accumulated_ctdivol_mgy", "mGy", 0, false, 100_000, false, true),
    EXPECTED_RANGE_MAJOR_FACTOR("expected_range_major_factor", "", 1, true, 100, false, true),
    DRL_MIN_SAMPLE_STUDIES("drl_min_sample_studies", "studies", 1, true, 100_000, true, true),
    /** Above the 10,000 mGy at which a row is rejected as impossible, the warning could never be given. */
    UNUSUAL_CTDIVOL_MGY("unusual_ctdivol_mgy", "mGy", 0, false, 10_000, false, true),
    CUMULATIVE_WINDOW_DAYS("cumulative_window_days", "days", 1, true, 36_500, true, true),
    PHANTOM_FACTOR_32_TO_16("phantom_factor_32_to_16", "", 0, false, 10, false, true),
    /** The kVp range a scan-log row may have. */
    PEDIATRIC_HIGH_KVP("pediatric_high_kvp", "kVp", 40, true, 150, false, true),
    PEDIATRIC_HIGH_KVP_MAX_WEIGHT_KG("pediatric_high_kvp_max_weight_kg", "kg", 0, false, 400, false, true),
    PEDIATRIC_HIGH_KVP_MAX_AGE_YEARS("pediatric_high_kvp_max_age_years", "years", 0, false, 25, false, true),
    /** Optional: AAPM Report 204's ratio between the phantoms; the built-in row where a rules folder lacks it. */
    PHANTOM_RATIO_16_TO_32("phantom_ratio_16_to_32", "", 1, true, 5, false, false),
    /** Optional: a stationary series below this CTDIvol is bolus tracking where its text does not say. */
    BOLUS_TRACKING_MAX_CTDIVOL_MGY("bolus_tracking_max_ctdivol_mgy", "mGy", 0, false, 1000, false, false),
    /** Read by the trend report only, so an audit does not need it. */
    TREND_MEDIAN_STEP_FRACTION("trend_median_step_fraction", "", 0, false, 1, false, false),
    /** Optional (radiography): the same body part and view exposed again within this window is a retake. */
    RETAKE_WINDOW_MINUTES("retake_window_minutes", "minutes", 0, false, 1440, false, false),
    /** Optional (radiography): a station's retake rate for a body part above this fraction is flagged. */
    RETAKE_RATE_TARGET("retake_rate_target", "", 0, false, 1, false, false),
    /** Optional (radiography): the deviation-index action levels; ±30 is the most a row may hold. */
    DEVIATION_INDEX_OVER("deviation_index_over", "", -30, true, 30, false, false),
    DEVIATION_INDEX_OVER_INVESTIGATE("deviation_index_over_investigate", "", -30, true, 30, false, false),
    DEVIATION_INDEX_UNDER("deviation_index_under", "", -30, true, 30, false, false),
    DEVIATION_INDEX_UNDER_INVESTIGATE("deviation_index_under_investigate", "", -30, true, 30, false, false),
    /** Optional (fluoroscopy): reference air kerma and skin dose levels, up to the 100 Gy a row may hold. */
    FLUORO_KAR_NOTIFICATION_MGY("fluoro_kar_notification_mgy", "mGy", 0, false, 100_000, false, false),
    FLUORO_KAR_NOTIFICATION_STEP_MGY("fluoro_kar_notification_step_mgy", "mGy", 0, false, 100_000, false, false),
    FLUORO_SRDL_KAR_MGY("fluoro_srdl_kar_mgy", "mGy", 0, false, 100_000, false, false),
    FLUORO_SRDL_PEAK_SKIN_DOSE_MGY("fluoro_srdl_peak_skin_dose_mgy", "mGy", 0, false, 100_000, false, false),
    FLUORO_HISTORIC_SKIN_DOSE_MGY("fluoro_historic_skin_dose_mgy", "mGy", 0, false, 100_000, false, false);

    private final String key;
    private final String unit;
    private final double min;
    private final boolean minIncluded;
    private final double max;
    private final boolean whole;
    private final boolean required;

    NumericSetting(String key, String unit, double min, boolean minIncluded, double max, boolean whole, boolean required) {
        this.key = key;
        this.unit = unit;
        this.min = min;
        this.minIncluded = minIncluded;
        this.max = max;
        this.whole = whole;
        this.required = required;
    }

    public String key() { return key; }

    /** Whether an audit needs the setting in settings.csv. */
    boolean required() { return required; }

    public static Optional<NumericSetting> of(String key) {
        for (NumericSetting s : values()) if (s.key.equals(key)) return Optional.of(s);
        return Optional.empty();
    }

    /** Why the value cannot be used ("must be above 0 hours"), or null when it can. */
    public String problem(double v) {
        String u = unit.isEmpty() ? "" : " " + unit;
        if (!Double.isFinite(v)) return "must be a number " + range();
        if (whole && v != Math.rint(v)) return "must be a whole number";
        if (minIncluded ? v < min : v <= min) return "must be " + (minIncluded ? "at least " : "above ") + number(min) + u;
        if (v > max) return "must be at most " + number(max) + u;
        return null;
    }

    /** "above 0 and at most 8760 hours", "from 1 to 25 years". */
    public String range() {
        String u = unit.isEmpty() ? "" : " " + unit;
        if (minIncluded) return "from " + number(min) + " to " + number(max) + u;
        return "above " + number(min) + " and at most " + number(max) + u;
    }

    private static String number(double d) { return Messages.number(d); }
}

package org.alaraaudit.rules;

import java.util.Optional;

/**
 * The settings of {@code settings.csv} the thresholds workbook may change; their ranges are those of {@link NumericSetting}.
 * Text settings (drl_set, ...) are left to the CSV: a decision table cell would only invite typos there.
 * {@code drl_min_sample_studies} and {@code trend_median_step_fraction} are left out on purpose: the trend report
 * reads them from settings.csv directly, and a workbook edit would make it disagree with the audit.
 */
public enum ThresholdSetting {
    PEDIATRIC_AGE_YEARS(NumericSetting.PEDIATRIC_AGE_YEARS, "age below which a patient is pediatric (also --pediatric-age)"),
    REPEAT_WINDOW_HOURS(NumericSetting.REPEAT_WINDOW_HOURS, "REPEAT_STUDY: a CT of an overlapping region within this many hours"),
    ALERT_ACCUMULATED_CTDIVOL_MGY(NumericSetting.ALERT_ACCUMULATED_CTDIVOL_MGY,
            "CT_ALERT_VALUE: accumulated CTDIvol over one region in a study"),
    EXPECTED_RANGE_MAJOR_FACTOR(NumericSetting.EXPECTED_RANGE_MAJOR_FACTOR,
            "DOSE_ABOVE_EXPECTED_RANGE is MAJOR above this multiple of the upper value"),
    CUMULATIVE_WINDOW_DAYS(NumericSetting.CUMULATIVE_WINDOW_DAYS, "CUMULATIVE_DOSE look-back window"),
    PHANTOM_FACTOR_32_TO_16(NumericSetting.PHANTOM_FACTOR_32_TO_16,
            "CTDIvol(16 cm) / CTDIvol(32 cm) for children's body scans (marrow dose estimate)"),
    PEDIATRIC_HIGH_KVP(NumericSetting.PEDIATRIC_HIGH_KVP, "PEDIATRIC_HIGH_KVP: kVp at or above which a child's body scan is flagged"),
    PEDIATRIC_HIGH_KVP_MAX_WEIGHT_KG(NumericSetting.PEDIATRIC_HIGH_KVP_MAX_WEIGHT_KG, "PEDIATRIC_HIGH_KVP: children under this weight"),
    PEDIATRIC_HIGH_KVP_MAX_AGE_YEARS(NumericSetting.PEDIATRIC_HIGH_KVP_MAX_AGE_YEARS,
            "PEDIATRIC_HIGH_KVP: children under this age when the weight is unknown");

    private final NumericSetting setting;
    private final String key;
    private final String description;

    ThresholdSetting(NumericSetting setting, String description) {
        this.setting = setting;
        this.key = setting.key();
        this.description = description;
    }

    public String key() { return key; }

    public String description() { return description; }

    public static Optional<ThresholdSetting> of(String key) {
        for (ThresholdSetting s : values()) if (s.key.equals(key)) return Optional.of(s);
        return Optional.empty();
    }

    /** Why the value cannot be used, or null when it can: the same range as in settings.csv ({@link NumericSetting}). */
    String problem(double v) { return setting.problem(v); }
}

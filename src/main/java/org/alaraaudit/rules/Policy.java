package org.alaraaudit.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scalar thresholds of {@code tables/settings.csv}, visible to the rules as the global {@code policy}. A run
 * may override the pediatric limit and the DRL set from the command line.
 */
public final class Policy {
    public static final String FILE = "settings.csv";

    /** One setting with where its value comes from, for the report's methodology. */
    public record Setting(String key, String value, String unit, String source) {}

    private final Map<String, Setting> settings;
    private final double pediatricAgeYears;
    private final String drlSet;

    private Policy(Map<String, Setting> settings, double pediatricAgeYears, String drlSet) {
        this.settings = settings;
        this.pediatricAgeYears = pediatricAgeYears;
        this.drlSet = drlSet;
    }

    public static Policy from(TableFile table) {
        Map<String, Setting> s = new LinkedHashMap<>();
        for (TableFile.Row r : table.rows()) {
            String key = r.required("key");
            s.put(key, new Setting(key, r.required("value"), r.text("unit"), r.required("source")));
        }
        Policy p = new Policy(s, 0, null);
        // Every numeric setting is checked for form and range before any rule sees it: NaN, a negative window or a
        // limit of 0 would not fail in a rule, it would switch the rule off.
        for (NumericSetting n : NumericSetting.values()) {
            if (n.required() || s.containsKey(n.key())) p.number(n, table);
        }
        for (String text : new String[]{"unknown_sex_marrow", "k_factor_dataset"}) {
            if (s.get(text) == null) throw new org.alaraaudit.model.TableException(table.name(), 0, "setting '" + text + "' is missing");
        }
        String sexRule = s.get("unknown_sex_marrow").value();
        if (!sexRule.equals("LARGER") && !sexRule.equals("MEAN")) {
            throw new org.alaraaudit.model.TableException(table.name(), p.line("unknown_sex_marrow", table),
                    "setting unknown_sex_marrow must be LARGER or MEAN, not \"" + sexRule + "\"");
        }
        return new Policy(s, p.number(NumericSetting.PEDIATRIC_AGE_YEARS, table), s.get("drl_set") == null ? "US" : s.get("drl_set").value());
    }

    private double number(NumericSetting n, TableFile table) {
        Setting s = settings.get(n.key());
        if (s == null) throw new org.alaraaudit.model.TableException(table.name(), 0, "setting '" + n.key() + "' is missing");
        Double d = TableFile.decimal(s.value());
        String problem = d == null ? "is not a plain decimal number (digits and a point, e.g. 12.5); it must be " + n.range()
                : n.problem(d);
        if (problem != null) {
            throw new org.alaraaudit.model.TableException(table.name(), line(n.key(), table),
                    "column value: setting " + n.key() + " \"" + s.value() + "\" " + problem);
        }
        return d;
    }

    private long line(String key, TableFile table) {
        return table.rows().stream().filter(r -> key.equals(r.text("key"))).mapToLong(TableFile.Row::line).findFirst().orElse(0);
    }

    private double value(String key) { return Double.parseDouble(settings.get(key).value()); }

    /** The command line's pediatric limit, held to the range the settings table's is. */
    public Policy withPediatricAge(Double years) {
        if (years == null) return this;
        String problem = NumericSetting.PEDIATRIC_AGE_YEARS.problem(years);
        if (problem != null) throw new IllegalArgumentException("pediatric limit " + years + " years: " + problem);
        return new Policy(settings, years, drlSet);
    }

    public Policy withDrlSet(String set) {
        return set == null ? this : new Policy(settings, pediatricAgeYears, set);
    }

    public double getPediatricAgeYears() { return pediatricAgeYears; }

    public String getDrlSet() { return drlSet; }

    public double getRepeatWindowHours() { return value("repeat_window_hours"); }

    public double getAlertAccumulatedCtdivolMgy() { return value("alert_accumulated_ctdivol_mgy"); }

    public double getExpectedRangeMajorFactor() { return value("expected_range_major_factor"); }

    public int getDrlMinSampleStudies() { return (int) value("drl_min_sample_studies"); }

    public double getUnusualCtdivolMgy() { return value("unusual_ctdivol_mgy"); }

    /** Look-back of CUMULATIVE_DOSE, ending at the period's end. */
    public int getCumulativeWindowDays() { return (int) value("cumulative_window_days"); }

    /** CTDIvol(16 cm) / CTDIvol(32 cm) for children's body scans: a policy choice, printed with every estimate. */
    public double getPhantomFactor32To16() { return value("phantom_factor_32_to_16"); }

    /**
     * CTDIvol(16 cm) / CTDIvol(32 cm) for comparing a value with a threshold on the other phantom and for the
     * effective-dose DLP normalisation: AAPM Report 204's tabulated ratio is 2.00-2.11 from 8 to 32 cm. Optional,
     * 2.0 when a site's settings lack it. The larger 32->16 factor above stays the conservative one for marrow dose.
     */
    public double getPhantomRatio16To32() { return optional("phantom_ratio_16_to_32", 2.0); }

    /**
     * A stationary series that no series-kinds pattern names is bolus tracking below this CTDIvol and perfusion at
     * or above it (local policy; see settings.csv for the reasoning). Optional, 15 mGy when a site's settings lack it.
     */
    public double getBolusTrackingMaxCtdivolMgy() { return optional("bolus_tracking_max_ctdivol_mgy", 15.0); }

    private double optional(String key, double otherwise) { return settings.containsKey(key) ? value(key) : otherwise; }

    public String getUnknownSexMarrow() { return settings.get("unknown_sex_marrow").value(); }

    public String getKFactorDataset() { return settings.get("k_factor_dataset").value(); }

    public double getPediatricHighKvp() { return value("pediatric_high_kvp"); }

    public double getHighKvpMaxWeightKg() { return value("pediatric_high_kvp_max_weight_kg"); }

    public double getHighKvpMaxAgeYears() { return value("pediatric_high_kvp_max_age_years"); }

    /**
     * A setting's value as this run uses it, for text that quotes it (a rule's threshold): the command line's
     * pediatric limit and DRL set, an optional setting's default; null when there is no such setting.
     */
    public String inForce(String key) {
        switch (key) {
            case "pediatric_age_years": return Messages.number(pediatricAgeYears);
            case "drl_set": return drlSet;
            case "phantom_ratio_16_to_32": return Messages.number(getPhantomRatio16To32());
            case "bolus_tracking_max_ctdivol_mgy": return Messages.number(getBolusTrackingMaxCtdivolMgy());
            default:
                Setting s = settings.get(key);
                if (s == null) return null;
                Double d = TableFile.decimal(s.value());
                return d != null ? Messages.number(d) : s.value();
        }
    }

    public String sourceOf(String key) {
        Setting s = settings.get(key);
        return s == null ? null : s.source();
    }

    public Map<String, Setting> settings() { return settings; }
}

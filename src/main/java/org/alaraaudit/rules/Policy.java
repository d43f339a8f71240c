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
    /**
     * The settings read as numbers once: rules compare against {@code policy.x} for every fact they meet, and
     * parsing the text at each comparison was a noticeable part of the rules' time at a million events.
     */
    private final Map<String, Double> numbers = new java.util.concurrent.ConcurrentHashMap<>();

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

    private double value(String key) {
        Double d = numbers.get(key);
        if (d == null) {
            d = Double.parseDouble(settings.get(key).value());
            numbers.put(key, d);
        }
        return d;
    }

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

    /**
     * The radiography and fluoroscopy settings, optional so that a rules folder from before them still loads;
     * these are the shipped values (settings.csv gives each one's source and status).
     */
    private static final Map<String, Double> PROJECTION_DEFAULTS = Map.ofEntries(
            Map.entry("retake_window_minutes", 15.0), Map.entry("retake_rate_target", 0.10),
            Map.entry("deviation_index_over", 1.0), Map.entry("deviation_index_over_investigate", 3.0),
            Map.entry("deviation_index_under", -1.0), Map.entry("deviation_index_under_investigate", -3.0),
            Map.entry("fluoro_kar_notification_mgy", 3000.0), Map.entry("fluoro_kar_notification_step_mgy", 1000.0),
            Map.entry("fluoro_srdl_kar_mgy", 5000.0), Map.entry("fluoro_srdl_peak_skin_dose_mgy", 3000.0),
            Map.entry("fluoro_historic_skin_dose_mgy", 15000.0));

    private double projection(String key) { return optional(key, PROJECTION_DEFAULTS.get(key)); }

    public double getRetakeWindowMinutes() { return projection("retake_window_minutes"); }

    public double getRetakeRateTarget() { return projection("retake_rate_target"); }

    public double getDeviationIndexOver() { return projection("deviation_index_over"); }

    public double getDeviationIndexOverInvestigate() { return projection("deviation_index_over_investigate"); }

    public double getDeviationIndexUnder() { return projection("deviation_index_under"); }

    public double getDeviationIndexUnderInvestigate() { return projection("deviation_index_under_investigate"); }

    public double getFluoroKarNotificationMgy() { return projection("fluoro_kar_notification_mgy"); }

    public double getFluoroKarNotificationStepMgy() { return projection("fluoro_kar_notification_step_mgy"); }

    public double getFluoroSrdlKarMgy() { return projection("fluoro_srdl_kar_mgy"); }

    public double getFluoroSrdlPeakSkinDoseMgy() { return projection("fluoro_srdl_peak_skin_dose_mgy"); }

    public double getFluoroHistoricSkinDoseMgy() { return projection("fluoro_historic_skin_dose_mgy"); }

    /**
     * The highest notification level a procedure's Ka,r has reached (the first level, then each further step), or
     * null below the first: the in-room notifications of AAPM MPPG 12.a, one per level.
     */
    public Double karNotificationReached(double karMgy) {
        double first = getFluoroKarNotificationMgy();
        if (karMgy < first) return null;
        double step = getFluoroKarNotificationStepMgy();
        return first + Math.floor((karMgy - first) / step) * step;
    }

    /** How many notifications (the first level and each further step) a Ka,r has passed; 0 below the first. */
    public int karNotifications(double karMgy) {
        Double reached = karNotificationReached(karMgy);
        return reached == null ? 0 : 1 + (int) Math.round((reached - getFluoroKarNotificationMgy()) / getFluoroKarNotificationStepMgy());
    }

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
                if (!settings.containsKey(key) && PROJECTION_DEFAULTS.containsKey(key)) return Messages.number(projection(key));
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

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
    /** One row of the settings table; {@code status} its reference status as written (primary, local-policy, ...), null without. */
    public record Setting(String key, String value, String unit, String source, String status) {
        /**
         * The status in the words every report uses ("from a secondary source"); the raw text when not one. A value
         * the site set in the thresholds workbook is local policy, whatever its CSV row's status (as CitedStatus has it).
         */
        public String statusWording() {
            if (ThresholdWorkbook.changedValue(source)) return org.alaraaudit.model.ReferenceStatus.LOCAL_POLICY.wording();
            return status == null ? "" : org.alaraaudit.model.ReferenceStatus.words(status);
        }
    }

    private final Map<String, Setting> settings;
    private final double pediatricAgeYears;
    private final String drlSet;
    /**
     * The numeric settings read once, by {@link NumericSetting}: an optional one's default when absent, NaN where a
     * required one is absent or a text is not a number (which {@link #from} rejects): rules compare against {@code policy.x} for every fact they meet, and a lookup by name
     * at each comparison was 4% of the rules' time at a million events.
     */
    private final double[] numbers = new double[NumericSetting.values().length];

    private Policy(Map<String, Setting> settings, double pediatricAgeYears, String drlSet) {
        this.settings = settings;
        this.pediatricAgeYears = pediatricAgeYears;
        this.drlSet = drlSet;
        for (NumericSetting n : NumericSetting.values()) {
            Setting s = settings.get(n.key());
            double v = Double.NaN;
            if (s != null) {
                v = Double.NaN;
                try {
                    v = Double.parseDouble(s.value());
                } catch (NumberFormatException e) {
                    // Left NaN: from() names the setting and what it must be.
                }
            }
            numbers[n.ordinal()] = v;
        }
    }

    public static Policy from(TableFile table) {
        Map<String, Setting> s = settingsOf(table);
        // An optional setting a site's older rules folder lacks takes the built-in row, its source and status with it:
        // a finding on a 5 Gy skin-dose level then cites NCRP 168, as it does with the built-in rules, never nothing.
        for (NumericSetting n : NumericSetting.values()) {
            if (n.required() || s.containsKey(n.key())) continue;
            Setting b = BuiltInSettings.ROWS.get(n.key());
            if (b != null) s.put(n.key(), new Setting(n.key(), b.value(), b.unit(), b.source() + " (the built-in rules' row: this rules"
                    + " folder's settings lack it)", b.status()));
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

    private static Map<String, Setting> settingsOf(TableFile table) {
        Map<String, Setting> s = new LinkedHashMap<>();
        for (TableFile.Row r : table.rows()) {
            String key = r.required("key");
            s.put(key, new Setting(key, r.required("value"), r.text("unit"), r.required("source"), r.text("status")));
        }
        return s;
    }

    /** The rows of the built-in tables/settings.csv, read once when a site's folder first lacks one. */
    private static final class BuiltInSettings {
        static final Map<String, Setting> ROWS = read();

        private static Map<String, Setting> read() {
            java.io.InputStream in = Policy.class.getResourceAsStream("/rules/tables/" + FILE);
            if (in == null) return Map.of();
            try (java.io.Reader r = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
                return Map.copyOf(settingsOf(TableFile.read(r, "built-in tables/" + FILE)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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

    private double value(NumericSetting n) { return numbers[n.ordinal()]; }

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

    public double getRepeatWindowHours() { return value(NumericSetting.REPEAT_WINDOW_HOURS); }

    public double getAlertAccumulatedCtdivolMgy() { return value(NumericSetting.ALERT_ACCUMULATED_CTDIVOL_MGY); }

    public double getExpectedRangeMajorFactor() { return value(NumericSetting.EXPECTED_RANGE_MAJOR_FACTOR); }

    public int getDrlMinSampleStudies() { return (int) value(NumericSetting.DRL_MIN_SAMPLE_STUDIES); }

    public double getUnusualCtdivolMgy() { return value(NumericSetting.UNUSUAL_CTDIVOL_MGY); }

    /** Look-back of CUMULATIVE_DOSE, ending at the period's end. */
    public int getCumulativeWindowDays() { return (int) value(NumericSetting.CUMULATIVE_WINDOW_DAYS); }

    /** CTDIvol(16 cm) / CTDIvol(32 cm) for children's body scans: a policy choice, printed with every estimate. */
    public double getPhantomFactor32To16() { return value(NumericSetting.PHANTOM_FACTOR_32_TO_16); }

    /**
     * CTDIvol(16 cm) / CTDIvol(32 cm) for comparing a value with a threshold on the other phantom and for the
     * effective-dose DLP normalisation: AAPM Report 204's tabulated ratio is 2.00-2.11 from 8 to 32 cm. Optional,
     * the built-in row (2.0) when a site's settings lack it. The larger 32->16 factor above stays the conservative one for marrow dose.
     */
    public double getPhantomRatio16To32() { return value(NumericSetting.PHANTOM_RATIO_16_TO_32); }

    /**
     * A stationary series that no series-kinds pattern names is bolus tracking below this CTDIvol and perfusion at
     * or above it (local policy; see settings.csv for the reasoning). Optional, the built-in row (15 mGy) when a site's settings lack it.
     */
    public double getBolusTrackingMaxCtdivolMgy() { return value(NumericSetting.BOLUS_TRACKING_MAX_CTDIVOL_MGY); }

    public double getRetakeWindowMinutes() { return value(NumericSetting.RETAKE_WINDOW_MINUTES); }

    public double getRetakeRateTarget() { return value(NumericSetting.RETAKE_RATE_TARGET); }

    public double getDeviationIndexOver() { return value(NumericSetting.DEVIATION_INDEX_OVER); }

    public double getDeviationIndexOverInvestigate() { return value(NumericSetting.DEVIATION_INDEX_OVER_INVESTIGATE); }

    public double getDeviationIndexUnder() { return value(NumericSetting.DEVIATION_INDEX_UNDER); }

    public double getDeviationIndexUnderInvestigate() { return value(NumericSetting.DEVIATION_INDEX_UNDER_INVESTIGATE); }

    public double getFluoroKarNotificationMgy() { return value(NumericSetting.FLUORO_KAR_NOTIFICATION_MGY); }

    public double getFluoroKarNotificationStepMgy() { return value(NumericSetting.FLUORO_KAR_NOTIFICATION_STEP_MGY); }

    public double getFluoroSrdlKarMgy() { return value(NumericSetting.FLUORO_SRDL_KAR_MGY); }

    public double getFluoroSrdlPeakSkinDoseMgy() { return value(NumericSetting.FLUORO_SRDL_PEAK_SKIN_DOSE_MGY); }

    public double getFluoroHistoricSkinDoseMgy() { return value(NumericSetting.FLUORO_HISTORIC_SKIN_DOSE_MGY); }

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

    public double getPediatricHighKvp() { return value(NumericSetting.PEDIATRIC_HIGH_KVP); }

    public double getHighKvpMaxWeightKg() { return value(NumericSetting.PEDIATRIC_HIGH_KVP_MAX_WEIGHT_KG); }

    public double getHighKvpMaxAgeYears() { return value(NumericSetting.PEDIATRIC_HIGH_KVP_MAX_AGE_YEARS); }

    /**
     * A setting's value as this run uses it, for text that quotes it (a rule's threshold): the command line's
     * pediatric limit and DRL set, an optional setting's default; null when there is no such setting.
     */
    public String inForce(String key) {
        switch (key) {
            case "pediatric_age_years": return Messages.number(pediatricAgeYears);
            case "drl_set": return drlSet;
            default:
                Setting s = settings.get(key);
                if (s == null) return null;
                Double d = TableFile.decimal(s.value());
                return d != null ? Messages.number(d) : s.value();
        }
    }

    /**
     * Where the pediatric limit in force comes from: the settings table's source, or the command line when
     * {@code --pediatric-age} set another. The adult-protocol findings compare the child's age with it, so it is what
     * they cite (the protocol catalog row's source speaks of the protocol's dose range, not of who is a child).
     */
    public String getPediatricAgeSource() {
        Setting s = settings.get("pediatric_age_years");
        Double table = s == null ? null : TableFile.decimal(s.value());
        if (table != null && table == pediatricAgeYears) return s.source();
        return "local policy: --pediatric-age " + Messages.number(pediatricAgeYears) + " on the command line";
    }

    public String sourceOf(String key) {
        Setting s = settings.get(key);
        return s == null ? null : s.source();
    }

    public Map<String, Setting> settings() { return settings; }
}

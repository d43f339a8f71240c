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
        for (String numeric : new String[]{"pediatric_age_years", "repeat_window_hours", "alert_accumulated_ctdivol_mgy",
                "expected_range_major_factor", "drl_min_sample_studies", "unusual_ctdivol_mgy"}) {
            p.number(numeric, table);
        }
        return new Policy(s, p.number("pediatric_age_years", table), s.get("drl_set") == null ? "US" : s.get("drl_set").value());
    }

    private double number(String key, TableFile table) {
        Setting s = settings.get(key);
        if (s == null) throw new org.alaraaudit.model.TableException(table.name(), 0, "setting '" + key + "' is missing");
        try {
            return Double.parseDouble(s.value());
        } catch (NumberFormatException e) {
            long line = table.rows().stream().filter(r -> key.equals(r.text("key"))).mapToLong(TableFile.Row::line).findFirst().orElse(0);
            throw new org.alaraaudit.model.TableException(table.name(), line, "setting " + key + ": \"" + s.value() + "\" is not a number");
        }
    }

    private double value(String key) { return Double.parseDouble(settings.get(key).value()); }

    public Policy withPediatricAge(Double years) {
        return years == null ? this : new Policy(settings, years, drlSet);
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

    public String sourceOf(String key) {
        Setting s = settings.get(key);
        return s == null ? null : s.source();
    }

    public Map<String, Setting> settings() { return settings; }
}

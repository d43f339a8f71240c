package org.alaraaudit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alaraaudit.model.AcquisitionType;
import org.alaraaudit.model.NotificationValue;
import org.alaraaudit.model.TargetRegion;

/**
 * The CTDIvol notification values; the first row in file order that fits the series applies. A row whose category
 * the protocol catalog names (its notification_category column, e.g. a gated cardiac protocol) applies only to the
 * series of those protocols, and to them before the regional rows. Categories compare ignoring case, spaces and
 * punctuation, so "Cardiac retrospective" and CARDIAC_RETROSPECTIVE are one.
 */
public final class NotificationValues {
    public static final String FILE = "notification-values.csv";
    static final String[] COLUMNS = {"category", "target_regions", "acquisition_types", "age_min_years", "age_max_years",
            "phantom_cm", "ctdivol_mgy", "source"};
    private final List<NotificationValue> values;
    /** The categories (as {@link #key}) the catalog names: rows of these apply to its protocols only. */
    private final java.util.Set<String> dedicated;

    public NotificationValues(List<NotificationValue> values) { this(values, java.util.Set.of()); }

    private NotificationValues(List<NotificationValue> values, java.util.Set<String> dedicated) {
        this.values = List.copyOf(values);
        this.dedicated = java.util.Set.copyOf(dedicated);
    }

    /** These values with the rows of the categories the catalog names kept for the catalog's protocols. */
    public NotificationValues dedicatedTo(java.util.Set<String> categories) { return new NotificationValues(values, categories); }

    static String key(String category) {
        return category.toUpperCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", "_").replaceAll("^_|_$", "");
    }

    boolean hasCategory(String category) {
        String k = key(category);
        return values.stream().anyMatch(v -> key(v.category()).equals(k));
    }

    java.util.List<String> categories() { return values.stream().map(NotificationValue::category).distinct().toList(); }

    public static NotificationValues from(TableFile table) {
        List<NotificationValue> out = new ArrayList<>();
        for (TableFile.Row r : table.rows()) {
            out.add(new NotificationValue(r.required("category"),
                    r.enumSet("target_regions", TargetRegion.class, TargetRegion::parse),
                    r.enumSet("acquisition_types", AcquisitionType.class, AcquisitionType::parse),
                    r.range("age_min_years", "age_max_years"), r.phantom("phantom_cm"),
                    r.requiredNumber("ctdivol_mgy"), r.required("source"), r.line()));
        }
        return new NotificationValues(out);
    }

    public Optional<NotificationValue> forSeries(TargetRegion region, AcquisitionType type, double age, int phantom) {
        return forSeries(region, type, age, phantom, null);
    }

    /** As above, for a series of a protocol the catalog maps to a category (null: none): that category's rows first. */
    public Optional<NotificationValue> forSeries(TargetRegion region, AcquisitionType type, double age, int phantom,
                                                 String category) {
        if (category != null) {
            String k = key(category);
            for (NotificationValue v : values) {
                if (key(v.category()).equals(k) && v.appliesTo(region, type, age, phantom)) return Optional.of(v);
            }
        }
        for (NotificationValue v : values) {
            if (!dedicated.contains(key(v.category())) && v.appliesTo(region, type, age, phantom)) return Optional.of(v);
        }
        return Optional.empty();
    }

    public List<NotificationValue> values() { return values; }
}

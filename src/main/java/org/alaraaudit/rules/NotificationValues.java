package org.alaraaudit.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.alaraaudit.model.AcquisitionType;
import org.alaraaudit.model.NotificationValue;
import org.alaraaudit.model.TargetRegion;

/**
 * The CTDIvol notification values; the first row in file order that fits the series applies, on the series' own
 * phantom if a row for it fits, else on the other phantom with the CTDIvol converted. A row whose category the
 * protocol catalog names (its notification_category column, e.g. a gated cardiac protocol) applies only to the
 * series of those protocols, and to them before the regional rows. Categories compare ignoring case, spaces and
 * punctuation, so "Cardiac retrospective" and CARDIAC_RETROSPECTIVE are one.
 */
public final class NotificationValues {
    public static final String FILE = "notification-values.csv";
    static final String[] COLUMNS = {"category", "target_regions", "acquisition_types", "age_min_years", "age_max_years",
            "phantom_cm", "ctdivol_mgy", "source"};
    private final List<NotificationValue> values;
    /**
     * Each row's category as {@link #key}, at the row's index, and whether it is one the catalog names: every CT
     * series of a run looks its value up, and keying the categories per lookup was a third of assembling studies.
     */
    private final String[] keys;
    private final boolean[] dedicatedRow;
    /** The categories (as {@link #key}) the catalog names: rows of these apply to its protocols only. */
    private final java.util.Set<String> dedicated;
    /** The key of each category a lookup named: a catalog names a handful. */
    private final java.util.Map<String, String> keyOf = new java.util.concurrent.ConcurrentHashMap<>();

    public NotificationValues(List<NotificationValue> values) { this(values, java.util.Set.of()); }

    private NotificationValues(List<NotificationValue> values, java.util.Set<String> dedicated) {
        this.values = List.copyOf(values);
        this.dedicated = java.util.Set.copyOf(dedicated);
        this.keys = new String[this.values.size()];
        this.dedicatedRow = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(this.values.get(i).category());
            dedicatedRow[i] = this.dedicated.contains(keys[i]);
        }
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
                    requiredPositive(r, "ctdivol_mgy"), r.required("source"), r.line()));
        }
        return new NotificationValues(out);
    }

    /** The same values, converting between the phantoms with the run's ratio (settings phantom_ratio_16_to_32). */
    public NotificationValues withPhantomRatio(double ratio16To32) {
        return new NotificationValues(values.stream().map(v -> v.withPhantomRatio(ratio16To32)).toList(), dedicated);
    }

    /** A notification value of 0 would flag every series. */
    private static double requiredPositive(TableFile.Row r, String column) {
        Double d = r.positive(column);
        if (d == null) throw r.error(column, "is required but empty");
        return d;
    }

    public Optional<NotificationValue> forSeries(TargetRegion region, AcquisitionType type, double age, int phantom) {
        return forSeries(region, type, age, phantom, (String) null);
    }

    /** As above, for a series of a protocol the catalog maps to a category (null: none): that category's rows first. */
    public Optional<NotificationValue> forSeries(TargetRegion region, AcquisitionType type, double age, int phantom,
                                                 String category) {
        Optional<NotificationValue> own = ofCategory(category, region, type, age, phantom);
        if (own.isPresent()) return own;
        return first(i -> !dedicatedRow[i], region, type, age, phantom);
    }

    /** The first of the category's own rows that fits; empty without a category. */
    private Optional<NotificationValue> ofCategory(String category, TargetRegion region, AcquisitionType type, double age,
                                                   int phantom) {
        if (category == null) return Optional.empty();
        String k = keyOf.computeIfAbsent(category, NotificationValues::key);
        return first(i -> keys[i].equals(k), region, type, age, phantom);
    }

    /** The first of the rows that fits on the series' phantom, else the first that fits on the other one. */
    private Optional<NotificationValue> first(java.util.function.IntPredicate rows, TargetRegion region,
                                              AcquisitionType type, double age, int phantom) {
        for (int i = 0; i < keys.length; i++) {
            if (rows.test(i) && values.get(i).appliesTo(region, type, age, phantom)) return Optional.of(values.get(i));
        }
        for (int i = 0; i < keys.length; i++) {
            if (rows.test(i) && values.get(i).appliesOnAnyPhantom(region, type, age)) return Optional.of(values.get(i));
        }
        return Optional.empty();
    }

    /**
     * As {@link #forSeries}; for a series whose region is not known (blank, OTHER) the strictest of the values each
     * region would give it for the patient's age and the series' type and phantom, compared on the series' phantom: without a region the audit
     * cannot tell which value applies, and no series may go unchecked (an adult's 222 mGy series of a real dose
     * report with an empty region code went without a finding when only children's were checked so).
     */
    public Optional<NotificationValue> forSeries(TargetRegion region, AcquisitionType type, double age, int phantom,
                                                 boolean pediatric) {
        return forSeries(region, type, age, phantom, pediatric, null);
    }

    /** As above, for a series of a protocol the catalog maps to a category (null: none). */
    public Optional<NotificationValue> forSeries(TargetRegion region, AcquisitionType type, double age, int phantom,
                                                 boolean pediatric, String category) {
        if (!regionUnknown(region)) return forSeries(region, type, age, phantom, category);
        Optional<NotificationValue> own = ofCategory(category, region, type, age, phantom);
        if (own.isPresent()) return own;
        // Each region's own value, as a series of that region would get it (its phantom's row first, else the other
        // phantom's converted), then the strictest: the minimum over every row on either phantom took the 32 cm torso
        // row converted (10 mGy, 20 on 16 cm) for a child's 16 cm series where the 16 cm row AAPM publishes says 25.
        return java.util.Arrays.stream(TargetRegion.values()).filter(r -> !regionUnknown(r))
                .map(r -> first(i -> !dedicatedRow[i], r, type, age, phantom)).flatMap(Optional::stream).distinct()
                .min(Comparator.comparingDouble((NotificationValue v) -> v.valueOn(phantom)))
                .map(v -> v.withCategory((pediatric ? "the strictest value for the child's age" : "the strictest adult value")
                        + ", region unknown (" + v.category() + ")"));
    }

    /** A region no notification value can be chosen by. */
    public static boolean regionUnknown(TargetRegion region) { return region == null || region == TargetRegion.OTHER; }

    public List<NotificationValue> values() { return values; }
}

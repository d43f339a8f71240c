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
 * phantom if a row for it fits, else on the other phantom with the CTDIvol converted.
 */
public final class NotificationValues {
    public static final String FILE = "notification-values.csv";
    static final String[] COLUMNS = {"category", "target_regions", "acquisition_types", "age_min_years", "age_max_years",
            "phantom_cm", "ctdivol_mgy", "source"};
    private final List<NotificationValue> values;

    public NotificationValues(List<NotificationValue> values) { this.values = List.copyOf(values); }

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
        return new NotificationValues(values.stream().map(v -> v.withPhantomRatio(ratio16To32)).toList());
    }

    /** A notification value of 0 would flag every series. */
    private static double requiredPositive(TableFile.Row r, String column) {
        Double d = r.positive(column);
        if (d == null) throw r.error(column, "is required but empty");
        return d;
    }

    public Optional<NotificationValue> forSeries(TargetRegion region, AcquisitionType type, double age, int phantom) {
        for (NotificationValue v : values) if (v.appliesTo(region, type, age, phantom)) return Optional.of(v);
        for (NotificationValue v : values) if (v.appliesOnAnyPhantom(region, type, age)) return Optional.of(v);
        return Optional.empty();
    }

    /**
     * As {@link #forSeries}; for a child's series whose region is not known (blank, OTHER) the strictest value
     * any region has for the child's age and the series' type, compared on the series' phantom: without a region
     * the audit cannot tell which value applies, and the child must not go unchecked.
     */
    public Optional<NotificationValue> forSeries(TargetRegion region, AcquisitionType type, double age, int phantom,
                                                 boolean pediatric) {
        if (!pediatric || !regionUnknown(region)) return forSeries(region, type, age, phantom);
        return values.stream().filter(v -> v.appliesToTypeAndAge(type, age))
                .min(Comparator.comparingDouble((NotificationValue v) -> v.valueOn(phantom)))
                .map(v -> v.withCategory("the strictest value for the child's age, region unknown (" + v.category() + ")"));
    }

    /** A region no notification value can be chosen by. */
    public static boolean regionUnknown(TargetRegion region) { return region == null || region == TargetRegion.OTHER; }

    public List<NotificationValue> values() { return values; }
}

package org.alaraaudit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alaraaudit.model.AcquisitionType;
import org.alaraaudit.model.NotificationValue;
import org.alaraaudit.model.TargetRegion;

/** The CTDIvol notification values; the first row in file order that fits the series applies. */
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

    /** A notification value of 0 would flag every series. */
    private static double requiredPositive(TableFile.Row r, String column) {
        Double d = r.positive(column);
        if (d == null) throw r.error(column, "is required but empty");
        return d;
    }

    public Optional<NotificationValue> forSeries(TargetRegion region, AcquisitionType type, double age, int phantom) {
        for (NotificationValue v : values) if (v.appliesTo(region, type, age, phantom)) return Optional.of(v);
        return Optional.empty();
    }

    public List<NotificationValue> values() { return values; }
}

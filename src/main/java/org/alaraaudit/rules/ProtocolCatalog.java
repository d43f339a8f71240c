package org.alaraaudit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alaraaudit.model.CatalogEntry;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.Glob;
import org.alaraaudit.model.Population;
import org.alaraaudit.model.TargetRegion;

/**
 * Maps device protocol names to standard protocols; the first matching row, in file order, wins. A row may name the
 * exam's contrast (optional column {@code contrast}: {@code with} or {@code without}), so a protocol used with and
 * without contrast is held to the range of each.
 */
public final class ProtocolCatalog {
    public static final String FILE = "protocol-catalog.csv";
    /** The columns every catalog has; {@code contrast} came later and may be missing from a site's own catalog. */
    private static final String[] REQUIRED = {"pattern", "station_name", "standard_name", "population", "target_region",
            "min_age_years", "max_age_years", "min_weight_kg", "max_weight_kg", "expected_ctdivol_min_mgy",
            "expected_ctdivol_max_mgy", "expected_dlp_min_mgycm", "expected_dlp_max_mgycm", "source"};
    /** The shipped catalog's columns in file order, the optional ones included (a row without its status fails). */
    private static final String[] COLUMNS = {"pattern", "station_name", "standard_name", "population", "target_region",
            "contrast", "min_age_years", "max_age_years", "min_weight_kg", "max_weight_kg", "expected_ctdivol_min_mgy",
            "expected_ctdivol_max_mgy", "expected_dlp_min_mgycm", "expected_dlp_max_mgycm", "source", "notification_category",
            "status", "verified_by", "verified_on", "notes"};

    private final List<CatalogEntry> entries;

    public ProtocolCatalog(List<CatalogEntry> entries) { this.entries = List.copyOf(entries); }

    /** The same rows, converting a value logged on the other phantom than a range's with the run's ratio. */
    public ProtocolCatalog withPhantomRatio(double ratio16To32) {
        return new ProtocolCatalog(entries.stream().map(e -> e.withPhantomRatio(ratio16To32)).toList());
    }

    public static ProtocolCatalog from(TableFile table) {
        List<CatalogEntry> out = new ArrayList<>();
        for (TableFile.Row r : table.rows()) {
            Population population = r.enumValue("population", Population.class, ProtocolCatalog::population);
            if (population == null) throw r.error("population", "is required (ADULT, PEDIATRIC or ANY)");
            Double ctdiMin = r.number("expected_ctdivol_min_mgy");
            Double ctdiMax = r.number("expected_ctdivol_max_mgy");
            Double dlpMin = r.number("expected_dlp_min_mgycm");
            Double dlpMax = r.number("expected_dlp_max_mgycm");
            if (ctdiMin != null && ctdiMax != null && ctdiMin > ctdiMax) throw r.error("expected_ctdivol_min_mgy", "is above the maximum");
            if (dlpMin != null && dlpMax != null && dlpMin > dlpMax) throw r.error("expected_dlp_min_mgycm", "is above the maximum");
            Contrast contrast = r.enumValue("contrast", Contrast.class, Contrast::parse);
            if (contrast == Contrast.BOTH) {
                throw r.error("contrast", "\"" + r.text("contrast") + "\" is not one contrast: write with or without, or leave it empty for an exam of any contrast");
            }
            out.add(new CatalogEntry(new Glob(r.required("pattern")), r.text("station_name"), r.text("standard_name"),
                    population, r.enumValue("target_region", TargetRegion.class, TargetRegion::parse),
                    r.range("min_age_years", "max_age_years"), r.range("min_weight_kg", "max_weight_kg"),
                    ctdiMin, ctdiMax, dlpMin, dlpMax, r.required("source"), r.line(), r.text("notification_category"), contrast));
        }
        return new ProtocolCatalog(out);
    }

    /** The catalog's columns in file order, as a table of proposed rows must repeat them. */
    public static String[] columns() { return COLUMNS.clone(); }

    /** The columns a catalog must have to be read. */
    public static String[] requiredColumns() { return REQUIRED.clone(); }

    private static Optional<Population> population(String s) {
        try {
            return Optional.of(Population.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The row for a protocol at a station, for an exam of this contrast (null: not known, or done both ways). */
    public Optional<CatalogEntry> match(String protocolName, String stationName, Contrast examContrast) {
        if (protocolName == null) return Optional.empty();
        for (CatalogEntry e : entries) if (e.matches(protocolName, stationName, examContrast)) return Optional.of(e);
        return Optional.empty();
    }

    public List<CatalogEntry> entries() { return entries; }

    /** Every notification category a row names, each a category of the notification values, or a table error. */
    void checkNotificationCategories(NotificationValues values) {
        for (CatalogEntry e : entries) {
            String c = e.notificationCategory();
            if (c != null && !values.hasCategory(c)) {
                throw new org.alaraaudit.model.TableException(FILE, e.line(), "column notification_category: \"" + c
                        + "\" is no category of " + NotificationValues.FILE + "; categories: " + String.join(", ", values.categories()));
            }
        }
    }

    /** The notification categories the rows name, as NotificationValues compares them. */
    java.util.Set<String> notificationCategories() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (CatalogEntry e : entries) if (e.notificationCategory() != null) out.add(NotificationValues.key(e.notificationCategory()));
        return out;
    }
}

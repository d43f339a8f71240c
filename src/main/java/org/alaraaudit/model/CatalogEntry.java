package org.alaraaudit.model;

/**
 * A row of the protocol catalog: which device protocol names it covers, the standard protocol they are, whom
 * it is meant for and its expected dose index range (The Joint Commission asks for one per protocol).
 * {@code notificationCategory} names the notification-values category its series are judged by before the
 * regional ones (a gated cardiac protocol: the AAPM cardiac values), null for none.
 *
 * <p>{@code rangePhantomCm} is the CTDI phantom the expected range refers to: 16 cm for a head row, 32 cm for any other
 * region, as the DRLs and notification values its ends come from are given (Kanal 2022: a child's head on 16 cm, the
 * body on 32 cm; AAPM: adult head 16 cm, torso 32 cm); null for a row without a region, whose values are compared as
 * logged. A value logged on the other phantom is converted with {@code phantomRatio16To32} (settings
 * phantom_ratio_16_to_32, AAPM Report 204) before it is compared: a child's chest logged on 16 cm at 4 mGy is 2 mGy
 * on 32 cm, inside a 2.5 mGy upper end, not 1.6 times above it.
 */
public record CatalogEntry(
        Glob pattern,
        String stationName,
        String standardName,
        Population population,
        TargetRegion targetRegion,
        Range ageYears,
        Range weightKg,
        Double expectedCtdivolMinMgy,
        Double expectedCtdivolMaxMgy,
        Double expectedDlpMinMgycm,
        Double expectedDlpMaxMgycm,
        String source,
        long line,
        String notificationCategory,
        Contrast contrast,
        Integer rangePhantomCm,
        double phantomRatio16To32) {

    /** A row whose range refers to its region's usual phantom, converted with AAPM Report 204's ratio of 2. */
    public CatalogEntry(Glob pattern, String stationName, String standardName, Population population, TargetRegion targetRegion,
                        Range ageYears, Range weightKg, Double expectedCtdivolMinMgy, Double expectedCtdivolMaxMgy,
                        Double expectedDlpMinMgycm, Double expectedDlpMaxMgycm, String source, long line,
                        String notificationCategory, Contrast contrast) {
        this(pattern, stationName, standardName, population, targetRegion, ageYears, weightKg, expectedCtdivolMinMgy,
                expectedCtdivolMaxMgy, expectedDlpMinMgycm, expectedDlpMaxMgycm, source, line, notificationCategory, contrast,
                rangePhantomOf(targetRegion), NotificationValue.DEFAULT_PHANTOM_RATIO);
    }

    private static Integer rangePhantomOf(TargetRegion region) {
        if (region == null || region == TargetRegion.OTHER) return null;
        return region == TargetRegion.HEAD ? 16 : 32;
    }

    /** This row converting between the phantoms with the run's ratio. */
    public CatalogEntry withPhantomRatio(double ratio) {
        return new CatalogEntry(pattern, stationName, standardName, population, targetRegion, ageYears, weightKg,
                expectedCtdivolMinMgy, expectedCtdivolMaxMgy, expectedDlpMinMgycm, expectedDlpMaxMgycm, source, line,
                notificationCategory, contrast, rangePhantomCm, ratio);
    }

    /** Whether a value logged on {@code phantomCm} is converted before it is compared with the range. */
    public boolean converts(Integer phantomCm) {
        return rangePhantomCm != null && phantomCm != null && !phantomCm.equals(rangePhantomCm) && (phantomCm == 16 || phantomCm == 32);
    }

    /** A CTDIvol or DLP logged on {@code phantomCm}, on the range's phantom: halved from 16 to 32 cm, doubled back. */
    public double onRangePhantom(double value, Integer phantomCm) {
        if (!converts(phantomCm)) return value;
        return phantomCm == 16 ? value / phantomRatio16To32 : value * phantomRatio16To32;
    }

    /**
     * Whether the row is for this protocol at this station, for an exam of this contrast (null: not known). A row
     * that names a contrast takes only exams known to have had it: the pediatric DRLs its range comes from differ by
     * contrast (chest 10-<15 y: 4.1 mGy without, 7.2 mGy with), and an exam compared with the other one's range is a
     * false finding. A row without one takes any exam.
     */
    public boolean matches(String protocolName, String station, Contrast examContrast) {
        if (stationName != null && !stationName.equalsIgnoreCase(station == null ? "" : station.trim())) return false;
        if (contrast != null && contrast != examContrast) return false;
        return pattern.matches(protocolName);
    }

    /** The standard protocol name for a device name; a blank catalog name keeps the device's own. */
    public String standardNameFor(String protocolName) {
        return standardName != null ? standardName : protocolName.trim();
    }
}

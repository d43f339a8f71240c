package org.alaraaudit.model;

/**
 * A row of the protocol catalog: which device protocol names it covers, the standard protocol they are, whom
 * it is meant for and its expected dose index range (The Joint Commission asks for one per protocol).
 * {@code notificationCategory} names the notification-values category its series are judged by before the
 * regional ones (a gated cardiac protocol: the AAPM cardiac values), null for none.
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
        Contrast contrast) {

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

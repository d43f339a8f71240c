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
        String notificationCategory) {

    public boolean matches(String protocolName, String station) {
        if (stationName != null && !stationName.equalsIgnoreCase(station == null ? "" : station.trim())) return false;
        return pattern.matches(protocolName);
    }

    /** The standard protocol name for a device name; a blank catalog name keeps the device's own. */
    public String standardNameFor(String protocolName) {
        return standardName != null ? standardName : protocolName.trim();
    }
}

package org.alaraaudit.history.trend;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored audit run that the trend's months draw on: how its figures were made, for the report's sources.
 * {@code facilities}: as the reports print them, joined by ", "; {@code facilityList} each name whole (a name may
 * itself hold a comma).
 */
public record StoredRun(LocalDate from, LocalDate to, String facilities, Instant generatedAt, String toolVersion,
                        String ruleSetDigest, long studies, String inputs, java.util.List<String> facilityList) {

    public StoredRun {
        facilityList = facilityList == null ? java.util.List.of() : java.util.List.copyOf(facilityList);
    }
}

package org.alaraaudit.history.trend;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored audit run that the trend's months draw on: how its figures were made, for the report's sources.
 * {@code facilities}: as the reports print them, joined by ", "; {@code facilityList} each name whole (a name may
 * itself hold a comma).
 */
public record StoredRun(LocalDate from, LocalDate to, String facilities, Instant generatedAt, String toolVersion,
                        String ruleSetDigest, long studies, String inputs, java.util.List<String> facilityList, Rows rows) {

    public StoredRun {
        facilityList = facilityList == null ? java.util.List.of() : java.util.List.copyOf(facilityList);
    }

    /**
     * The run's input rows as its audit accounted for them, so a trend's reader can check that nothing was lost:
     * every row read was audited, rejected, a duplicate or excluded; audited rows outside the period are among the
     * audited (history for repeats and cumulative dose).
     */
    public record Rows(long read, long audited, long rejected, long duplicate, long excluded, long outsidePeriod) {
        /**
         * As the audit's console says it, with the audited rows of the period, the figures' own: "15,823 read = 15,745
         * audited (5,347 in the period) + 24 rejected + 18 duplicate + 36 excluded". An audit reads its whole input (the
         * earlier months are history for repeats and cumulative dose), so two months audited from the same files read
         * the same rows.
         */
        public String balance() {
            return String.format(java.util.Locale.ROOT, "%,d read = %,d audited (%,d in the period) + %,d rejected + %,d duplicate + %,d excluded",
                    read, audited, audited - outsidePeriod, rejected, duplicate, excluded);
        }

        public boolean reconciles() { return read == audited + rejected + duplicate + excluded; }
    }

    /** The rule-set digest as the audit's console gives it: "sha256:" and the first 12 hex digits. */
    public String shortDigest() {
        int colon = ruleSetDigest == null ? -1 : ruleSetDigest.indexOf(':');
        return ruleSetDigest == null || ruleSetDigest.length() <= colon + 13 ? ruleSetDigest : ruleSetDigest.substring(0, colon + 13);
    }
}

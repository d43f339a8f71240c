package org.alaraaudit.scanlog;

import java.util.EnumMap;
import java.util.Map;

/**
 * The longest text the history store holds for each scan-log column that goes into it: the sizes of
 * db/migration/V1__history.sql (study.facility, station_name, accession_number; main_protocol and
 * dose_value.standard_protocol, which take the protocol name when the catalog has no standard name; run_count.item,
 * which takes facility, station and protocol). A longer value would make the history write fail after the
 * reports were written, so the row is rejected when read instead.
 */
final class StoredTextLimits {
    private StoredTextLimits() {}

    static final Map<CanonicalColumn, Integer> LIMITS = limits();

    private static Map<CanonicalColumn, Integer> limits() {
        Map<CanonicalColumn, Integer> m = new EnumMap<>(CanonicalColumn.class);
        m.put(CanonicalColumn.FACILITY, 500);
        m.put(CanonicalColumn.STATION_NAME, 500);
        m.put(CanonicalColumn.ACCESSION_NUMBER, 100);
        m.put(CanonicalColumn.PROTOCOL_NAME, 300);
        return m;
    }
}

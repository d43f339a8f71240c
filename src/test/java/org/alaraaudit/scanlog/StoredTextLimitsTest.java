package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lengths the validator allows fit every store column the value goes into, in every migration: a new
 * migration that narrows one fails here, not in a month's history write.
 */
class StoredTextLimitsTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Store column → the scan-log columns whose text it takes. */
    private static final Map<String, List<CanonicalColumn>> TAKES = Map.of(
            "facility", List.of(CanonicalColumn.FACILITY),
            "accession_number", List.of(CanonicalColumn.ACCESSION_NUMBER),
            "station_name", List.of(CanonicalColumn.STATION_NAME),
            "main_protocol", List.of(CanonicalColumn.PROTOCOL_NAME),
            "standard_protocol", List.of(CanonicalColumn.PROTOCOL_NAME),
            "item", List.of(CanonicalColumn.FACILITY, CanonicalColumn.STATION_NAME, CanonicalColumn.PROTOCOL_NAME));

    @Test
    void everyLimitFitsTheNarrowestStoreColumnThatTakesTheValue() throws IOException {
        Pattern column = Pattern.compile("(?m)^\\s*(\\w+)\\s+(?:VARCHAR|CHAR)\\((\\d+)\\)");
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = column.matcher(Files.readString(f));
                while (m.find()) {
                    List<CanonicalColumn> sources = TAKES.get(m.group(1).toLowerCase(java.util.Locale.ROOT));
                    if (sources == null) continue;
                    int size = Integer.parseInt(m.group(2));
                    for (CanonicalColumn c : sources) {
                        int limit = StoredTextLimits.LIMITS.get(c);
                        assertTrue(limit <= size, f.getFileName() + ": " + m.group(1) + " holds " + size + " but "
                                + c.header() + " may be " + limit + " characters");
                    }
                    checked.add(m.group(1));
                }
            }
        }
        for (String store : List.of("facility", "accession_number", "station_name", "main_protocol", "standard_protocol", "item")) {
            assertTrue(checked.contains(store), store + " was found in the migrations");
        }
    }

    @Test
    void everyLimitIsCheckedAtTheSizeTheStoreHoldsNotSmaller() throws IOException {
        String v1 = Files.readString(MIGRATIONS.resolve("V1__history.sql"));
        assertTrue(v1.contains("accession_number VARCHAR(" + StoredTextLimits.LIMITS.get(CanonicalColumn.ACCESSION_NUMBER) + ")"));
        assertTrue(v1.contains("station_name VARCHAR(" + StoredTextLimits.LIMITS.get(CanonicalColumn.STATION_NAME) + ")"));
        assertTrue(v1.contains("main_protocol VARCHAR(" + StoredTextLimits.LIMITS.get(CanonicalColumn.PROTOCOL_NAME) + ")"));
        assertFalse(StoredTextLimits.LIMITS.containsKey(CanonicalColumn.INDICATION),
                "free text reaches the store only inside finding messages, which the writer clips");
    }
}

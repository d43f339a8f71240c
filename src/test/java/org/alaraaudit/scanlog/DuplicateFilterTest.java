package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.alaraaudit.model.SourceLine;
import org.junit.jupiter.api.Test;

/** Deciding duplicates partition by partition on disk gives what one set over the whole input gives. */
class DuplicateFilterTest {
    private static RawRow row(String uid, long line) {
        Map<CanonicalColumn, String> values = new LinkedHashMap<>();
        values.put(CanonicalColumn.EVENT_UID, uid);
        return new RawRow(new SourceLine("log.csv", line), values, Map.of(), false);
    }

    @Test
    void spilledAndInMemoryAgreeWithAPlainSet() {
        Random r = new Random(11);
        int n = 20_000;
        String[] uids = new String[n];
        for (int i = 0; i < n; i++) uids[i] = "1.2.840." + r.nextInt(12_000);
        BitSet expected = new BitSet();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) if (!seen.add(uids[i])) expected.set(i);
        for (int limit : new int[]{Integer.MAX_VALUE, 1_000, 1}) {
            try (DuplicateFilter d = new DuplicateFilter(limit)) {
                for (int i = 0; i < n; i++) assertEquals(i, d.add(row(uids[i], i + 2)));
                assertEquals(expected, d.duplicates(), "limit " + limit);
            }
        }
    }

    @Test
    void theSetOfNumbersAgreesWithAPlainSetForZeroNegativesAndKeysThatShareTheirLowBits() {
        DuplicateFilter.LongSet set = new DuplicateFilter.LongSet();
        Set<Long> plain = new HashSet<>();
        Random r = new Random(5);
        long[] awkward = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40, 2L << 40, 3L << 40};
        assertEquals(true, set.isEmpty());
        for (int i = 0; i < 50_000; i++) {
            long k = i % 7 == 0 ? awkward[r.nextInt(awkward.length)] : r.nextInt(20_000) - 10_000L;
            assertEquals(plain.add(k), set.add(k), "add " + k);
        }
        assertEquals(false, set.isEmpty());
        for (long k = -12_000; k <= 12_000; k++) assertEquals(plain.contains(k), set.contains(k), "contains " + k);
        for (long k : awkward) assertEquals(true, set.contains(k), "contains " + k);
        DuplicateFilter.LongSet onlyZero = new DuplicateFilter.LongSet();
        onlyZero.add(0);
        assertEquals(false, onlyZero.isEmpty());
        assertEquals(false, onlyZero.contains(1));
    }

    private static RawRow described(String description, String indication, long line) {
        Map<CanonicalColumn, String> values = new LinkedHashMap<>();
        values.put(CanonicalColumn.ACCESSION_NUMBER, "A1");
        values.put(CanonicalColumn.STUDY_DESCRIPTION, description);
        values.put(CanonicalColumn.INDICATION, indication);
        return new RawRow(new SourceLine("log.csv", line), values, Map.of(), false);
    }

    /** The old key ended each cell with U+001F, so a cell ending in it and the next cell starting with it hashed alike. */
    @Test
    void aSeparatorCharacterInTheDataDoesNotMakeDistinctRowsOne() {
        for (int limit : new int[]{Integer.MAX_VALUE, 1}) {
            try (DuplicateFilter d = new DuplicateFilter(limit)) {
                d.add(described("CT HEAD\u001f", "TRAUMA", 2));
                d.add(described("CT HEAD", "\u001fTRAUMA", 3));
                d.add(described("CT HEAD", "\u001fTRAUMA", 4));
                BitSet expected = new BitSet();
                expected.set(2);
                assertEquals(expected, d.duplicates(), "limit " + limit);
            }
        }
    }

    /** Every hash the same: only rows that are the same are duplicates, whatever their hashes say. */
    @Test
    void rowsWhoseHashesCollideAreComparedThemselves() {
        String[] uids = {"1.2.3", "1.2.4", "1.2.3", "1.2.5", "1.2.4", "1.2.3"};
        BitSet expected = new BitSet();
        expected.set(2);
        expected.set(4);
        expected.set(5);
        for (int limit : new int[]{Integer.MAX_VALUE, 2, 1}) {
            try (DuplicateFilter d = new DuplicateFilter(limit, identity -> 42L)) {
                for (int i = 0; i < uids.length; i++) d.add(row(uids[i], i + 2));
                assertEquals(expected, d.duplicates(), "limit " + limit);
            }
        }
    }
}

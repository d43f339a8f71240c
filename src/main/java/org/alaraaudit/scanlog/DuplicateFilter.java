package org.alaraaudit.scanlog;

import java.util.Map;

/**
 * Remembers which events were seen: by DICOM Irradiation Event UID when the row has one; for a one-row-per-study
 * export by study and event number (the same study in two exports, CSV and XLSX or overlapping months, is the
 * same events, whatever optional columns each export has); else by the whole row's content. Keys are kept as
 * 64-bit hashes so the memory per event stays a few bytes.
 */
final class DuplicateFilter {
    private final LongSet seen = new LongSet();

    /** True when this row repeats an earlier one. */
    boolean isDuplicate(RawRow row) {
        String uid = row.get(CanonicalColumn.EVENT_UID);
        String event = row.extras().get(RawRow.EVENT_NUMBER);
        long key = uid != null ? fnv(fnv(OFFSET, "uid"), uid)
                : event != null ? eventKey(row, event)
                : contentKey(row);
        return !seen.add(key);
    }

    private static long eventKey(RawRow row, String event) {
        long h = fnv(OFFSET, "event");
        h = fnv(h, String.valueOf(row.get(CanonicalColumn.FACILITY)));
        h = fnv(h, String.valueOf(row.get(CanonicalColumn.ACCESSION_NUMBER)));
        return fnv(h, event);
    }

    private static long contentKey(RawRow row) {
        long h = fnv(OFFSET, "row");
        for (CanonicalColumn c : CanonicalColumn.values()) {
            String v = row.get(c);
            h = fnv(h, v == null ? "\u0000" : v);
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(row.extras()).entrySet()) {
            h = fnv(fnv(h, e.getKey()), e.getValue());
        }
        return h;
    }

    private static final long OFFSET = 0xcbf29ce484222325L;

    /** FNV-1a over the string's characters, with a separator so ("ab","c") and ("a","bc") differ. */
    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= 0x1f;
        h *= 0x100000001b3L;
        return h;
    }

    /** Open-addressing set of longs: a boxed HashSet would cost ten times the memory per event. */
    static final class LongSet {
        private long[] keys = new long[1 << 12];
        private boolean[] used = new boolean[1 << 12];
        private int size;

        boolean add(long k) {
            if (size * 2 >= keys.length) grow();
            int mask = keys.length - 1;
            int i = (int) (mix(k) & mask);
            while (used[i]) {
                if (keys[i] == k) return false;
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = k;
            size++;
            return true;
        }

        private static long mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            return k;
        }

        private void grow() {
            long[] oldKeys = keys;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) if (oldUsed[i]) add(oldKeys[i]);
        }
    }
}

package org.alaraaudit.scanlog;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;

/**
 * Finds the rows that repeat an earlier row: by DICOM Irradiation Event UID when the row has one; for a
 * one-row-per-study export by study and event number (the same study in two exports, CSV and XLSX or
 * overlapping months, is the same events, whatever optional columns each export has); else by the whole row's
 * content. Keys are 64-bit hashes, split by hash into partitions that go to disk past a limit, and duplicates are
 * decided partition by partition once every row is in: memory is bounded by a partition, not by the input.
 * Within a partition keys are kept in input order, so the first of a set of equal rows is the one audited.
 */
final class DuplicateFilter implements AutoCloseable {
    private static final int PARTITIONS = 64;
    static final int IN_MEMORY_KEYS = 1 << 20;

    private final int inMemoryLimit;
    private final long[][] keys = new long[PARTITIONS][];
    private final int[][] ordinals = new int[PARTITIONS][];
    private final int[] sizes = new int[PARTITIONS];
    private int next;
    private Path dir;
    private DataOutputStream[] files;

    DuplicateFilter() { this(IN_MEMORY_KEYS); }

    DuplicateFilter(int inMemoryLimit) {
        this.inMemoryLimit = inMemoryLimit;
        for (int i = 0; i < PARTITIONS; i++) {
            keys[i] = new long[64];
            ordinals[i] = new int[64];
        }
    }

    /** Notes a row that passed validation and returns its ordinal among such rows, 0-based in input order. */
    int add(RawRow row) {
        if (next == Integer.MAX_VALUE) throw new ScanLogException("more than " + Integer.MAX_VALUE + " valid rows in one run: split the input");
        long key = key(row);
        int ordinal = next++;
        int p = (int) (LongSet.mix(key) >>> 58);
        if (files != null) {
            write(p, key, ordinal);
            return ordinal;
        }
        if (sizes[p] == keys[p].length) {
            keys[p] = Arrays.copyOf(keys[p], sizes[p] * 2);
            ordinals[p] = Arrays.copyOf(ordinals[p], sizes[p] * 2);
        }
        keys[p][sizes[p]] = key;
        ordinals[p][sizes[p]++] = ordinal;
        if (next > inMemoryLimit) spill();
        return ordinal;
    }

    /** The ordinals of the rows that repeat an earlier one; call once, after the last row. */
    BitSet duplicates() {
        BitSet out = new BitSet(next);
        try {
            if (files != null) for (DataOutputStream f : files) f.close();
            for (int p = 0; p < PARTITIONS; p++) {
                LongSet seen = new LongSet();
                if (files == null) {
                    for (int i = 0; i < sizes[p]; i++) if (!seen.add(keys[p][i])) out.set(ordinals[p][i]);
                    continue;
                }
                Path f = partition(p);
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
                    long n = Files.size(f) / 12;
                    for (long i = 0; i < n; i++) {
                        long key = in.readLong();
                        int ordinal = in.readInt();
                        if (!seen.add(key)) out.set(ordinal);
                    }
                }
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the temporary duplicate-detection files in " + dir, e);
        }
        return out;
    }

    private void spill() {
        try {
            dir = SpillFolder.create("duplicates");
            files = new DataOutputStream[PARTITIONS];
            for (int p = 0; p < PARTITIONS; p++) {
                files[p] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partition(p)), 1 << 14));
                for (int i = 0; i < sizes[p]; i++) write(p, keys[p][i], ordinals[p][i]);
                keys[p] = null;
                ordinals[p] = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create temporary files to find duplicate rows", e);
        }
    }

    private void write(int p, long key, int ordinal) {
        try {
            files[p].writeLong(key);
            files[p].writeInt(ordinal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary duplicate-detection files in " + dir, e);
        }
    }

    private Path partition(int p) { return dir.resolve("keys-" + p + ".bin"); }

    @Override
    public void close() {
        if (dir == null) return;
        try {
            for (DataOutputStream f : files) f.close();
            for (int p = 0; p < PARTITIONS; p++) Files.deleteIfExists(partition(p));
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // Temporary files only; the OS cleans its temp folder.
        }
    }

    private static long key(RawRow row) {
        String uid = row.get(CanonicalColumn.EVENT_UID);
        String event = row.extras().get(RawRow.EVENT_NUMBER);
        return uid != null ? fnv(fnv(OFFSET, "uid"), uid)
                : event != null ? eventKey(row, event)
                : contentKey(row);
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

        boolean contains(long k) {
            int mask = keys.length - 1;
            for (int i = (int) (mix(k) & mask); used[i]; i = (i + 1) & mask) if (keys[i] == k) return true;
            return false;
        }

        static long mix(long k) {
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

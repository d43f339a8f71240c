package org.alaraaudit.scanlog;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Finds the rows that repeat an earlier row: by DICOM Irradiation Event UID when the row has one; for a
 * one-row-per-study export by study and event number (the same study in two exports, CSV and XLSX or
 * overlapping months, is the same events, whatever optional columns each export has); else by the whole row's
 * content. A row's identity is encoded without ambiguity (each field prefixed by its length, so no separator
 * can occur in the data) and hashed to 64 bits; hashes are split into partitions that go to disk past a limit,
 * and decided partition by partition once every row is in: memory is bounded by a partition, not by the input.
 * Rows whose hashes meet are then compared by their identities themselves (kept in a temporary file), so two
 * distinct rows are never counted as one however their hashes collide. Within a partition keys are kept in
 * input order, so the first of a set of equal rows is the one audited.
 */
final class DuplicateFilter implements AutoCloseable {
    private static final int PARTITIONS = 64;
    static final int IN_MEMORY_KEYS = 1 << 20;

    private final int inMemoryLimit;
    private final ToLongFunction<byte[]> hash;
    private final long[][] keys = new long[PARTITIONS][];
    private final int[][] ordinals = new int[PARTITIONS][];
    private final int[] sizes = new int[PARTITIONS];
    private int next;
    private Path dir;
    private DataOutputStream[] files;
    /** Every row's identity in ordinal order, read back only for the rows whose hashes meet. */
    private Path identityFile;
    private DataOutputStream identities;

    DuplicateFilter() { this(IN_MEMORY_KEYS); }

    DuplicateFilter(int inMemoryLimit) { this(inMemoryLimit, DuplicateFilter::fnv); }

    /** With another hash of the identities: how a test forces two distinct rows to collide. */
    DuplicateFilter(int inMemoryLimit, ToLongFunction<byte[]> hash) {
        this.inMemoryLimit = inMemoryLimit;
        this.hash = hash;
        for (int i = 0; i < PARTITIONS; i++) {
            keys[i] = new long[64];
            ordinals[i] = new int[64];
        }
    }

    /** Notes a row that passed validation and returns its ordinal among such rows, 0-based in input order. */
    int add(RawRow row) {
        if (next == Integer.MAX_VALUE) throw new ScanLogException("more than " + Integer.MAX_VALUE + " valid rows in one run: split the input");
        byte[] identity = identity(row);
        long key = hash.applyAsLong(identity);
        keepIdentity(identity);
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
        BitSet sharedHash = new BitSet(next);
        try {
            if (files != null) for (DataOutputStream f : files) f.close();
            for (int p = 0; p < PARTITIONS; p++) {
                if (files == null) {
                    markSharedHashes(p, sharedHash);
                    continue;
                }
                markSharedHashes(partition(p), sharedHash);
                Files.deleteIfExists(partition(p));
            }
            return sameIdentity(sharedHash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the temporary duplicate-detection files in " + dir, e);
        }
    }

    /** Marks every row of the in-memory partition whose hash another row has too (the first of them included). */
    private void markSharedHashes(int p, BitSet out) {
        LongSet seen = new LongSet();
        LongSet shared = new LongSet();
        for (int i = 0; i < sizes[p]; i++) if (!seen.add(keys[p][i])) shared.add(keys[p][i]);
        if (shared.isEmpty()) return;
        for (int i = 0; i < sizes[p]; i++) if (shared.contains(keys[p][i])) out.set(ordinals[p][i]);
    }

    /** As {@link #markSharedHashes(int, BitSet)} for a partition on disk: read twice, never held. */
    private static void markSharedHashes(Path f, BitSet out) throws IOException {
        long n = Files.size(f) / 12;
        LongSet seen = new LongSet();
        LongSet shared = new LongSet();
        try (DataInputStream in = open(f)) {
            for (long i = 0; i < n; i++) {
                long key = in.readLong();
                in.readInt();
                if (!seen.add(key)) shared.add(key);
            }
        }
        if (shared.isEmpty()) return;
        try (DataInputStream in = open(f)) {
            for (long i = 0; i < n; i++) {
                long key = in.readLong();
                int ordinal = in.readInt();
                if (shared.contains(key)) out.set(ordinal);
            }
        }
    }

    /**
     * Of the rows whose hashes meet, those whose identity equals an earlier row's. Only these rows' identities
     * are held, one per distinct identity: the true duplicates of an input and the rare collisions.
     */
    private BitSet sameIdentity(BitSet sharedHash) throws IOException {
        BitSet out = new BitSet(next);
        if (sharedHash.isEmpty()) return out;
        identities.close();
        Map<Long, List<byte[]>> earlier = new HashMap<>();
        try (DataInputStream in = open(identityFile)) {
            for (int ordinal = 0; ordinal < next; ordinal++) {
                byte[] identity = new byte[in.readInt()];
                in.readFully(identity);
                if (!sharedHash.get(ordinal)) continue;
                List<byte[]> same = earlier.computeIfAbsent(hash.applyAsLong(identity), k -> new ArrayList<>(1));
                if (same.stream().anyMatch(e -> Arrays.equals(e, identity))) out.set(ordinal);
                else same.add(identity);
            }
        }
        return out;
    }

    private static DataInputStream open(Path f) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16));
    }

    private void keepIdentity(byte[] identity) {
        try {
            if (identities == null) {
                if (dir == null) dir = Files.createTempDirectory("alara-audit-duplicates");
                identityFile = dir.resolve("identities.bin");
                identities = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(identityFile), 1 << 16));
            }
            identities.writeInt(identity.length);
            identities.write(identity);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary duplicate-detection files in " + dir, e);
        }
    }

    private void spill() {
        try {
            if (dir == null) dir = SpillFolder.create("duplicates");
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
            if (identities != null) identities.close();
            if (identityFile != null) Files.deleteIfExists(identityFile);
            if (files != null) {
                for (DataOutputStream f : files) f.close();
                for (int p = 0; p < PARTITIONS; p++) Files.deleteIfExists(partition(p));
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // Temporary files only; the OS cleans its temp folder.
        }
    }

    /**
     * What makes a row the same event as another, as bytes: a kind, then fields, each field its length (or -1 for
     * an empty cell) followed by its UTF-8 bytes, so ("ab", "c") and ("a", "bc") differ whatever the cells hold.
     */
    static byte[] identity(RawRow row) {
        Identity id = new Identity();
        String uid = row.get(CanonicalColumn.EVENT_UID);
        String event = row.extras().get(RawRow.EVENT_NUMBER);
        if (uid != null) {
            id.field("uid").field(uid);
        } else if (event != null) {
            id.field("event").field(row.get(CanonicalColumn.FACILITY)).field(row.get(CanonicalColumn.ACCESSION_NUMBER)).field(event);
        } else {
            id.field("row");
            for (CanonicalColumn c : CanonicalColumn.ALL) id.field(row.get(c));
            for (Map.Entry<String, String> e : new TreeMap<>(row.extras()).entrySet()) id.field(e.getKey()).field(e.getValue());
        }
        return id.bytes();
    }

    /** Length-prefixed fields. */
    private static final class Identity {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

        Identity field(String s) {
            if (s == null) {
                writeInt(-1);
                return this;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            writeInt(b.length);
            out.write(b, 0, b.length);
            return this;
        }

        private void writeInt(int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
        }

        byte[] bytes() { return out.toByteArray(); }
    }

    /** 64-bit FNV-1a: the partition and the first test of equality; equal hashes are checked on the bytes. */
    static long fnv(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * Open-addressing set of longs: a boxed HashSet would cost ten times the memory per event. Zero marks a free
     * slot (the key 0 is kept aside), so a probe touches one array, not a key array and a flag array: at a million
     * rows each probe is a cache miss, and the second array doubled them.
     */
    static final class LongSet {
        private long[] keys = new long[1 << 12];
        private boolean hasZero;
        private int size;

        boolean add(long k) {
            if (k == 0) {
                boolean added = !hasZero;
                hasZero = true;
                return added;
            }
            if (size * 2 >= keys.length) grow();
            int mask = keys.length - 1;
            int i = (int) (mix(k) & mask);
            for (long at; (at = keys[i]) != 0; i = (i + 1) & mask) {
                if (at == k) return false;
            }
            keys[i] = k;
            size++;
            return true;
        }

        boolean contains(long k) {
            if (k == 0) return hasZero;
            int mask = keys.length - 1;
            for (int i = (int) (mix(k) & mask); keys[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == k) return true;
            }
            return false;
        }

        boolean isEmpty() { return size == 0 && !hasZero; }

        static long mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            return k;
        }

        private void grow() {
            long[] old = keys;
            keys = new long[old.length * 2];
            size = 0;
            for (long k : old) if (k != 0) add(k);
        }
    }
}

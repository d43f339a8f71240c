package org.alaraaudit.audit.spill;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.alaraaudit.audit.spill.RowCodec;
import org.alaraaudit.audit.spill.SpillIn;
import org.alaraaudit.audit.spill.SpillOut;
import org.alaraaudit.scanlog.ScanRow;
import org.alaraaudit.scanlog.SpillFolder;

/**
 * Groups validated rows by patient without holding the whole input: rows stay in memory up to a limit, then
 * go to bucket files on disk by patient, and each bucket is read back alone. Memory is bounded by a bucket,
 * not by the input; a patient's rows always land in the same bucket.
 */
public final class PatientPartitions implements AutoCloseable {
    private static final int BUCKETS = 64;
    /** Words numbered per bucket (see {@link SpillOut}): 64 buckets of a few hundred texts each stay small. */
    private static final int WORDS_PER_BUCKET = 2048;

    private final int inMemoryLimit;
    private Map<String, List<Entry>> memory = new HashMap<>();
    private int inMemory;
    private Path spillDir;
    private SpillOut[] buckets;

    /** Holding at most {@code inMemoryLimit} rows, fewer when the heap is small ({@link HeapBudget}). */
    public PatientPartitions(int inMemoryLimit) { this.inMemoryLimit = HeapBudget.rows(inMemoryLimit); }

    /** A row with its ordinal among the valid rows, by which duplicates are dropped when the rows are read back. */
    private record Entry(ScanRow row, int ordinal) {}

    /**
     * The input is expected to hold about this many rows (negative: not known). When that is past the limit the
     * rows go to the buckets from the first one: holding the limit's worth first only has the collector copy them
     * from generation to generation before they are written all the same.
     */
    public void expect(long rows) {
        if (rows > inMemoryLimit && buckets == null && inMemory == 0) spill();
    }

    public void add(ScanRow row, int ordinal) {
        if (buckets != null) {
            write(row, ordinal);
            return;
        }
        memory.computeIfAbsent(row.patientRef(), k -> new ArrayList<>()).add(new Entry(row, ordinal));
        if (++inMemory > inMemoryLimit) spill();
    }

    public boolean spilled() { return buckets != null; }

    /**
     * Each patient's rows in input order, one patient at a time, in pseudonym order within each bucket; rows whose
     * ordinal is a duplicate are left out, and a patient left with no rows is skipped.
     */
    public void forEachPatient(IntPredicate duplicate, Consumer<List<ScanRow>> action) {
        if (buckets == null) {
            for (List<Entry> entries : new TreeMap<>(memory).values()) {
                List<ScanRow> rows = new ArrayList<>(entries.size());
                for (Entry e : entries) if (!duplicate.test(e.ordinal())) rows.add(e.row());
                if (!rows.isEmpty()) action.accept(rows);
            }
            return;
        }
        try {
            for (SpillOut b : buckets) b.close();
            for (int i = 0; i < BUCKETS; i++) {
                // Gathered by hash and sorted once: a sorted map compared pseudonyms a dozen times for every row.
                Map<String, List<ScanRow>> patients = new HashMap<>();
                Path f = bucket(i);
                try (SpillIn in = new SpillIn(f, 1 << 16)) {
                    while (true) {
                        ScanRow r;
                        int ordinal;
                        try {
                            ordinal = in.integer();
                            r = RowCodec.row(in);
                        } catch (EOFException end) {
                            break;
                        }
                        if (!duplicate.test(ordinal)) patients.computeIfAbsent(r.patientRef(), k -> new ArrayList<>()).add(r);
                    }
                }
                Files.deleteIfExists(f);
                List<String> refs = new ArrayList<>(patients.keySet());
                refs.sort(null);
                for (String ref : refs) action.accept(patients.get(ref));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the temporary patient buckets in " + spillDir, e);
        }
    }

    private void spill() {
        try {
            spillDir = SpillFolder.create("patients");
            buckets = new SpillOut[BUCKETS];
            for (int i = 0; i < BUCKETS; i++) buckets[i] = new SpillOut(bucket(i), 1 << 15, WORDS_PER_BUCKET);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create temporary files to group patients", e);
        }
        for (List<Entry> entries : memory.values()) for (Entry e : entries) write(e.row(), e.ordinal());
        memory = null;
    }

    private Path bucket(int i) { return spillDir.resolve("bucket-" + i + ".bin"); }

    private void write(ScanRow r, int ordinal) {
        SpillOut o = buckets[Math.floorMod(r.patientRef().hashCode(), BUCKETS)];
        try {
            o.integer(ordinal);
            RowCodec.write(o, r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary patient buckets in " + spillDir, e);
        }
    }

    @Override
    public void close() {
        if (spillDir == null) return;
        try {
            for (SpillOut b : buckets) b.close();
            for (int i = 0; i < BUCKETS; i++) Files.deleteIfExists(bucket(i));
            Files.deleteIfExists(spillDir);
        } catch (IOException ignored) {
            // Temporary files only; the OS cleans its temp folder.
        }
    }
}

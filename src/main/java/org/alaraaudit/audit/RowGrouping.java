package org.alaraaudit.audit;

import org.alaraaudit.audit.spill.PatientPartitions;
import org.alaraaudit.scanlog.ScanLogInput;
import org.alaraaudit.scanlog.ScanRow;

/**
 * Groups rows by patient on a second thread while the audit's thread reads and validates the next ones: writing
 * the rows to the patient buckets cost a third of reading. Rows go over in chunks, so the hand-off is cheap.
 */
final class RowGrouping implements ScanLogInput.RowSink, AutoCloseable {
    private static final int CHUNK = 2048;

    private record Chunk(ScanRow[] rows, int[] ordinals, int size) {}

    private final HandOff<Chunk> handOff;
    private ScanRow[] rows = new ScanRow[CHUNK];
    private int[] ordinals = new int[CHUNK];
    private int size;

    RowGrouping(PatientPartitions patients) {
        this.handOff = new HandOff<>("alara-audit-grouping", 4, c -> {
            for (int i = 0; i < c.size(); i++) patients.add(c.rows()[i], c.ordinals()[i]);
        });
    }

    @Override
    public void accept(ScanRow row, int ordinal) {
        rows[size] = row;
        ordinals[size++] = ordinal;
        if (size == CHUNK) flush();
    }

    private void flush() {
        handOff.submit(new Chunk(rows, ordinals, size));
        rows = new ScanRow[CHUNK];
        ordinals = new int[CHUNK];
        size = 0;
    }

    /** Every row read is grouped when this returns. */
    void finish() {
        if (size > 0) flush();
        handOff.finish();
    }

    @Override
    public void close() { handOff.close(); }
}

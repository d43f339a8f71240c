package org.alaraaudit.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What a long run reports while it works; the command line shows it on a terminal. */
public interface AuditProgress {
    AuditProgress NONE = new AuditProgress() {};

    /** Before reading: about how many rows the inputs hold (from their sizes), or -1 when that cannot be told. */
    default void started(long estimatedRows) {}

    default void rowsRead(long rows) {}

    default void patientsAudited(long patients, long studies) {}

    /** While the rules run: rows of the patients audited so far, of all rows that went into the audit. */
    default void rowsAudited(long rows, long ofRows) {}

    /**
     * About how many rows the inputs hold: each text file's size divided by the mean length of its first lines.
     * A workbook's rows cannot be told from its size, so any workbook makes the estimate unknown (-1).
     */
    static long estimateRows(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) return -1;
            try (InputStream in = Files.newInputStream(f)) {
                byte[] head = in.readNBytes(1 << 16);
                int lines = 0;
                for (byte b : head) if (b == '\n') lines++;
                if (lines < 2) continue;
                long size = Files.size(f);
                total += Math.max(0, Math.round((double) size * lines / head.length) - 1);
            } catch (IOException e) {
                return -1;
            }
        }
        return total;
    }
}

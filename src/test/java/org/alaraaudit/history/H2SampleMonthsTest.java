package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.alaraaudit.audit.AuditPeriod;
import org.junit.jupiter.api.Test;

/** The sample months, month by month and together, on the embedded H2 store. */
class H2SampleMonthsTest extends SampleMonthsContract {
    /** docs/history.md gives about 300 bytes; before compaction after each write it was over 800 and grew with the month. */
    private static final long MAX_BYTES_PER_STUDY = 500;

    @Override
    String newStore(Path dir, String name) { return "jdbc:h2:file:" + dir.resolve(name).resolve("history"); }

    @Test
    void threeMonthsAuditedOneByOneCostAFewHundredBytesPerStoredStudy() throws Exception {
        StoreRuns store = new StoreRuns(newStore(dir, "size"));
        for (String m : new String[]{"2026-08", "2026-09", "2026-10"}) {
            store.audit(AuditPeriod.month(YearMonth.parse(m)), Path.of("sample-data").resolve("scan-log-" + m + ".csv"));
        }
        long studies = store.count("SELECT COUNT(*) FROM study");
        long bytes = Files.size(dir.resolve("size").resolve("history.mv.db"));
        assertTrue(studies > 4_000, "the three months' studies: " + studies);
        assertTrue(bytes <= MAX_BYTES_PER_STUDY * studies, bytes + " bytes for " + studies + " studies: "
                + bytes / studies + " bytes per study");
    }
}

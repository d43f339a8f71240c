package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.sample.GeneratorSettings;
import org.alaraaudit.sample.ScanLogGenerator;
import org.junit.jupiter.api.Test;

/** The sample months, month by month and together, on the embedded H2 store. */
class H2SampleMonthsTest extends SampleMonthsContract {
    /** docs/history.md, How big it grows: about 640 bytes measured here; 7.9 kB per study on 50,000 without compacting on close. */
    private static final long MAX_BYTES_PER_STUDY = 1_500;

    @Override
    String newStore(Path dir, String name) { return "jdbc:h2:file:" + dir.resolve(name).resolve("history"); }

    /** A generated month of 20,000 studies: what the store keeps once the run's write has closed it. */
    @Test
    void aGeneratedMonthCostsUnderAKilobyteAndAHalfPerStoredStudy() throws Exception {
        Path log = dir.resolve("month.csv");
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            new ScanLogGenerator(new GeneratorSettings(20_000, 3, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31))).write(w);
        }
        StoreRuns store = new StoreRuns(newStore(dir, "size"));
        store.audit(AuditPeriod.month(YearMonth.of(2026, 10)), log);
        long studies = store.count("SELECT COUNT(*) FROM study");
        long bytes = Files.size(dir.resolve("size").resolve("history.mv.db"));
        assertTrue(studies > 19_000, "the month's studies: " + studies);
        assertTrue(bytes <= MAX_BYTES_PER_STUDY * studies, bytes + " bytes for " + studies + " studies: "
                + bytes / studies + " bytes per study");
    }
}

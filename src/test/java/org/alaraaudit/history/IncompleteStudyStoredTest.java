package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.YearMonth;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study that lost a row to rejection is stored with its acquisitions' CTDIvol but without its understated DLP, so
 * the trend's monthly medians leave it out as the audit's DRL table does (STUDY_INCOMPLETE).
 */
class IncompleteStudyStoredTest {
    @TempDir
    Path dir;

    @Test
    void theStoreKeepsAnIncompleteStudysCtdivolButNotItsDlp() {
        Path log = new AuditFixture()
                .row("patient_id", "P1", "accession_number", "COMPLETE", "contrast", "no")
                .row("patient_id", "P2", "accession_number", "INCOMPLETE", "contrast", "no")
                .row("patient_id", "P2", "accession_number", "INCOMPLETE", "contrast", "no", "dlp_mgycm", "-50")
                .write(dir, "october.csv");
        StoreRuns store = new StoreRuns("jdbc:h2:file:" + dir.resolve("store").resolve("history"));
        store.audit(AuditPeriod.month(YearMonth.of(2026, 10)), log);
        assertEquals(1, store.count("SELECT COUNT(*) FROM dose_value WHERE accession_number = 'COMPLETE' AND quantity = 'DLP'"));
        assertEquals(1, store.count("SELECT COUNT(*) FROM dose_value WHERE accession_number = 'COMPLETE' AND quantity = 'CTDIvol'"));
        assertEquals(0, store.count("SELECT COUNT(*) FROM dose_value WHERE accession_number = 'INCOMPLETE' AND quantity = 'DLP'"));
        assertEquals(1, store.count("SELECT COUNT(*) FROM dose_value WHERE accession_number = 'INCOMPLETE' AND quantity = 'CTDIvol'"));
    }
}

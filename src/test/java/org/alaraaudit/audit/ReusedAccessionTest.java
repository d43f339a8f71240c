package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.scanlog.DataWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One facility and accession number is one study. Rows of it that disagree on the station or the study's start are
 * most likely two studies under a reused accession number (real RDSR test files do this): the audit keeps them as
 * one study, as before, and says so by file and line, instead of silently reporting the second on the first's scanner.
 */
class ReusedAccessionTest {
    @TempDir
    Path dir;

    @Test
    void rowsOfOneAccessionOnTwoScannersAndDaysAreAWarningOnTheLaterRow() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "ACC1", "station_name", "CT-A", "study_datetime", "2026-10-05T10:00:00")
                .row("accession_number", "ACC1", "station_name", "CT-B", "study_datetime", "2026-10-20T09:00:00", "ctdivol_mgy", "9")
                .audit(dir);
        assertEquals(1, r.figures().studies(), "kept as one study");
        List<DataWarning> w = r.warnings();
        assertEquals(1, w.size(), w.toString());
        assertEquals(3, w.get(0).line(), "the row that disagrees with the first");
        assertEquals("accession_number", w.get(0).column());
        assertEquals("ACC1", w.get(0).value());
        assertTrue(w.get(0).reason().contains("(station CT-A, study 2026-10-05T10:00) but gives station CT-B, study 2026-10-20T09:00"),
                w.get(0).reason());
    }

    @Test
    void theEventsOfOneStudyAgreeAndWarnNothing() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "ACC1", "event_uid", "e1", "target_region", "CHEST")
                .row("accession_number", "ACC1", "event_uid", "e2", "target_region", "ABDOMEN")
                .audit(dir);
        assertEquals(1, r.figures().studies());
        assertEquals(List.of(), r.warnings());
    }
}

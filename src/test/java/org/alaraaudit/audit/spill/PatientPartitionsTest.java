package org.alaraaudit.audit.spill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alaraaudit.model.Acquisition;
import org.alaraaudit.model.Measurements;
import org.alaraaudit.model.Modality;
import org.alaraaudit.model.ProjectionDose;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.Study;
import org.alaraaudit.scanlog.ScanRow;
import org.junit.jupiter.api.Test;

/**
 * Rows come back grouped by patient, in input order within a patient and with duplicates left out, whether they
 * stayed in memory, went to disk when the limit was passed, or went to disk from the first row because the input
 * was expected to be larger than the limit.
 */
class PatientPartitionsTest {
    private static final int LIMIT = 1_000;

    @Test
    void anInputExpectedPastTheLimitGoesToDiskFromItsFirstRowAndGroupsTheSame() {
        try (PatientPartitions p = new PatientPartitions(LIMIT)) {
            p.expect(LIMIT + 1);
            assertTrue(p.spilled(), "spilled before any row");
            assertEquals(expected(300), grouped(p, 300));
        }
    }

    @Test
    void anInputExpectedWithinTheLimitStaysInMemoryUntilItPassesIt() {
        try (PatientPartitions p = new PatientPartitions(LIMIT)) {
            p.expect(LIMIT);
            assertFalse(p.spilled(), "an input the size of the limit is held");
            for (int i = 0; i < LIMIT; i++) p.add(row(i), i);
            assertFalse(p.spilled());
            p.add(row(LIMIT), LIMIT);
            assertTrue(p.spilled(), "past the limit after all");
        }
        try (PatientPartitions p = new PatientPartitions(LIMIT)) {
            p.expect(-1);
            assertEquals(expected(LIMIT + 300), grouped(p, LIMIT + 300), "spilled half way");
        }
        try (PatientPartitions p = new PatientPartitions(LIMIT)) {
            assertEquals(expected(300), grouped(p, 300), "in memory");
            assertFalse(p.spilled());
        }
    }

    /** Every seventh row is a duplicate; patient i % 37. */
    private static Map<String, List<String>> grouped(PatientPartitions p, int rows) {
        for (int i = 0; i < rows; i++) p.add(row(i), i);
        Map<String, List<String>> out = new TreeMap<>();
        p.forEachPatient(ordinal -> ordinal % 7 == 3, patientRows -> {
            String patient = patientRows.get(0).patientRef();
            List<String> accessions = new ArrayList<>();
            for (ScanRow r : patientRows) {
                assertEquals(patient, r.patientRef());
                accessions.add(r.study().accessionNumber());
            }
            assertEquals(null, out.put(patient, accessions), "one call per patient");
        });
        return out;
    }

    private static Map<String, List<String>> expected(int rows) {
        Map<String, List<String>> out = new TreeMap<>();
        for (int i = 0; i < rows; i++) {
            if (i % 7 == 3) continue;
            out.computeIfAbsent("p" + (i % 37), k -> new ArrayList<>()).add("A" + i);
        }
        return out;
    }

    private static ScanRow row(int i) {
        LocalDateTime at = LocalDateTime.of(2026, 10, 1, 8, 0).plusMinutes(i);
        return new ScanRow(new SourceLine("log.csv", i + 2),
                new Study.Header("p" + (i % 37), 40.0, "F", null, null, "General", "CT1", null, null, "A" + i, at,
                        Modality.CT, "CT HEAD", null),
                new Acquisition("HEAD", null, null, at, null, null), Measurements.NONE, null, false, ProjectionDose.NONE);
    }
}

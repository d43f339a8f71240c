package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.Finding;
import org.alaraaudit.audit.spill.FindingLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same audit with every stage spilling to disk (rows by patient, duplicate keys, findings) gives what the
 * in-memory audit gives, to the finding and the row count: spilling bounds memory, it must not change results.
 */
class BoundedMemoryAuditTest {
    private static final Path MONTH = Path.of("sample-data", "scan-log-2026-10.csv");

    @TempDir
    static Path dir;

    private static AuditResult once;
    private static AuditResult inMemory;
    private static AuditResult spilled;

    @BeforeAll
    static void auditTwice() throws Exception {
        // The month and a second export of it: every row of the copy is a duplicate of the original's.
        Files.copy(MONTH, dir.resolve("a-scan-log.csv"));
        Files.copy(MONTH, dir.resolve("b-same-export-again.csv"));
        once = new AuditFixture().auditFiles(List.of(dir.resolve("a-scan-log.csv")));
        inMemory = new AuditFixture().auditFiles(List.of(dir));
        spilled = new AuditFixture().inMemoryLimit(500).auditFiles(List.of(dir));
    }

    @Test
    void theSpilledRunReallySpilled() {
        assertFalse(((FindingLog) inMemory.findings()).spilled());
        assertTrue(((FindingLog) spilled.findings()).spilled(), spilled.findings().size() + " findings with a limit of 100 (500 rows / 5)");
    }

    @Test
    void rowAccountingIsTheSame() {
        assertEquals(inMemory.rows().toString(), spilled.rows().toString());
        assertTrue(spilled.rows().reconciles());
        assertEquals(once.rows().audited(), inMemory.rows().audited());
        assertEquals(once.rows().audited() + 2 * once.rows().duplicate(), inMemory.rows().duplicate(),
                "every valid row of the copy is a duplicate, and the month's own duplicates are so twice");
        assertEquals(2 * once.rows().rejected(), inMemory.rows().rejected(), "a rejected row stays rejected, not duplicate");
    }

    @Test
    void findingsAreTheSameInTheSameOrder() {
        // A rejected row read again from the copy is the same row lost: STUDY_INCOMPLETE counts it once, at its first line.
        assertFalse(AuditFixture.findings(once, "STUDY_INCOMPLETE").isEmpty());
        assertEquals(once.findings().stream().toList(), inMemory.findings().stream().toList(), "the copy adds nothing");
        assertEquals(inMemory.findings().stream().toList(), spilled.findings().stream().toList());
        assertEquals(inMemory.findings().size(), spilled.findings().size());
    }

    @Test
    void figuresAndDrlGroupsAreTheSame() {
        assertEquals(inMemory.figures(), spilled.figures());
        assertEquals(inMemory.drlGroups(), spilled.drlGroups());
    }
}

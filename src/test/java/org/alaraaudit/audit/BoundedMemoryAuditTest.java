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
        assertEquals(withoutIncomplete(once), withoutIncomplete(inMemory), "the copy adds nothing");
        // A rejected row stays rejected in the copy too: the study that lost it is the same, and names both lines.
        List<Finding> incomplete = AuditFixture.findings(inMemory, "STUDY_INCOMPLETE");
        assertEquals(AuditFixture.findings(once, "STUDY_INCOMPLETE").stream().map(Finding::findingId).toList(),
                incomplete.stream().map(Finding::findingId).toList());
        assertFalse(incomplete.isEmpty());
        for (Finding f : incomplete) {
            assertTrue(f.message().contains("a-scan-log.csv:") && f.message().contains("b-same-export-again.csv:"), f.message());
        }
        assertEquals(inMemory.findings().stream().toList(), spilled.findings().stream().toList());
        assertEquals(inMemory.findings().size(), spilled.findings().size());
    }

    private static List<Finding> withoutIncomplete(AuditResult r) {
        return r.findings().stream().filter(f -> !f.ruleId().equals("STUDY_INCOMPLETE")).toList();
    }

    @Test
    void figuresAndDrlGroupsAreTheSame() {
        assertEquals(inMemory.figures(), spilled.figures());
        assertEquals(inMemory.drlGroups(), spilled.drlGroups());
    }
}

package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * A second audit started while the first is still creating a new H2 store waits for H2's file lock instead of
 * failing at once, and says that another audit is using the store when the lock outlasts the wait.
 */
class StoreLockWaitTest {
    private static final String LOCATION = "jdbc:h2:file:/data/history/alara-audit";

    /** H2's errors as a second process meets them, wrapped as Flyway wraps them. */
    private static Exception lockFileRecentlyModified() {
        return new FlywayException("Unable to obtain connection", new SQLException(
                "Error opening database: \"Lock file recently modified\"", "HY000", ErrorCode.ERROR_OPENING_DATABASE_1));
    }

    private static Exception alreadyInUse() {
        return new SQLException("Database may be already in use: \"Locked by another process\"", "90020",
                ErrorCode.DATABASE_ALREADY_OPEN_1);
    }

    @Test
    void aLockThatIsReleasedWhileWaitingOpensTheStore() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger pauses = new AtomicInteger();
        StoreLockWait wait = new StoreLockWait(Duration.ofSeconds(60), millis -> pauses.incrementAndGet());
        String opened = wait.open(() -> {
            int n = attempts.incrementAndGet();
            if (n == 1) throw lockFileRecentlyModified();
            if (n == 2) throw alreadyInUse();
            return "connection";
        }, LOCATION);
        assertEquals("connection", opened);
        assertEquals(3, attempts.get());
        assertEquals(2, pauses.get());
    }

    @Test
    void aLockHeldLongerThanTheWaitSaysAnotherAuditUsesTheStoreAndWhere() {
        AtomicInteger pauses = new AtomicInteger();
        StoreLockWait wait = new StoreLockWait(Duration.ofSeconds(60), millis -> pauses.incrementAndGet());
        HistoryException e = assertThrows(HistoryException.class, () -> wait.open(() -> {
            throw alreadyInUse();
        }, LOCATION));
        assertEquals("another audit is using the history store " + LOCATION + " (waited 60 s for it); run again when it has finished",
                e.getMessage());
        assertEquals(120, pauses.get(), "half-second pauses for a minute");
    }

    @Test
    void anyOtherFailureIsReportedAtOnce() {
        AtomicInteger pauses = new AtomicInteger();
        StoreLockWait wait = new StoreLockWait(Duration.ofSeconds(60), millis -> pauses.incrementAndGet());
        Exception refused = new SQLException("Wrong user name or password", "28000", ErrorCode.WRONG_USER_OR_PASSWORD);
        Exception thrown = assertThrows(Exception.class, () -> wait.open(() -> {
            throw refused;
        }, LOCATION));
        assertSame(refused, thrown);
        assertEquals(0, pauses.get());
        assertTrue(StoreLockWait.lockedByAnotherProcess(lockFileRecentlyModified()));
    }
}

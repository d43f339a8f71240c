package org.alaraaudit.history;

import java.sql.SQLException;
import java.time.Duration;
import org.h2.api.ErrorCode;

/**
 * Waits for an H2 file store that another process is opening. Two audits started together on a new store race
 * for H2's lock file: the second sees it "recently modified" before the first has started the server that
 * AUTO_SERVER connects later runs through. That lasts seconds, so opening is retried for a while before the run
 * says that another audit is using the store.
 */
final class StoreLockWait {
    /** Long enough for another run to create, migrate and start serving a store on a slow, shared machine. */
    static final Duration DEFAULT = Duration.ofSeconds(60);
    private static final long PAUSE_MILLIS = 500;

    /** One attempt at opening the store. */
    interface Attempt<T> {
        T run() throws Exception;
    }

    /** How the wait passes; tests replace it so that they do not wait. */
    interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    private final Duration limit;
    private final Pause pause;

    StoreLockWait(Duration limit, Pause pause) {
        this.limit = limit;
        this.pause = pause;
    }

    static StoreLockWait standard() { return new StoreLockWait(DEFAULT, Thread::sleep); }

    /**
     * Runs the attempt until it does not fail on H2's file lock, for up to the limit.
     *
     * @throws HistoryException when the lock is still held after the limit, naming the store's location
     */
    <T> T open(Attempt<T> attempt, String location) throws Exception {
        long waited = 0;
        while (true) {
            try {
                return attempt.run();
            } catch (Exception e) {
                if (!lockedByAnotherProcess(e)) throw e;
                if (waited >= limit.toMillis()) {
                    throw new HistoryException("another audit is using the history store " + location + " (waited "
                            + limit.toSeconds() + " s for it); run again when it has finished", e);
                }
                try {
                    pause.sleep(PAUSE_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                waited += PAUSE_MILLIS;
            }
        }
    }

    /**
     * H2's "database may be already in use", "lock file recently modified", "database is in exclusive mode" and a
     * server gone while connecting, wherever Flyway wrapped them: all pass once the other process is done with the
     * file (another run compacting the store as it closes holds it too).
     */
    static boolean lockedByAnotherProcess(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s) {
                // in use by another process; in exclusive mode (a user's maintenance); its server gone while connecting
                if (s.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1 || s.getErrorCode() == ErrorCode.DATABASE_IS_IN_EXCLUSIVE_MODE
                        || s.getErrorCode() == ErrorCode.CONNECTION_BROKEN_1) return true;
                String m = String.valueOf(s.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (s.getErrorCode() == ErrorCode.ERROR_OPENING_DATABASE_1 && m.contains("lock file")) return true;
            }
        }
        return false;
    }
}

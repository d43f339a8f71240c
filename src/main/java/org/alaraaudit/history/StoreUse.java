package org.alaraaudit.history;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.alaraaudit.scanlog.DataFolder;

/**
 * Which processes use an embedded H2 store, told by a lock file beside it ({@code alara-audit.in-use.lock}). Every
 * process that opens the store holds a shared lock on that file until it exits; compacting the store needs an
 * exclusive one. H2's {@code SHUTDOWN COMPACT} copies the store into a new file once H2 has let the old one go,
 * and a process that opened the old file in that moment would write into a file about to be replaced: with this
 * lock it waits until the copy is in place instead. One lock per file and process (the operating system's locks
 * belong to the process), shared by every store object of this process that names the same file.
 */
final class StoreUse {
    /** A store being compacted is copied at disk speed; a registry-sized H2 store could take minutes. */
    static final Duration WAIT = Duration.ofMillis(HistoryStore.WRITE_WAIT_MILLIS);
    private static final long PAUSE_MILLIS = 200;
    private static final Map<Path, StoreUse> IN_THIS_PROCESS = new HashMap<>();

    private final Path lockFile;
    private final FileChannel channel;
    private FileLock shared;

    private StoreUse(Path lockFile, FileChannel channel) {
        this.lockFile = lockFile;
        this.channel = channel;
    }

    /** The lock file of the store whose H2 base path (without {@code .mv.db}) is given. */
    static Path lockFile(Path base) { return base.resolveSibling(base.getFileName() + ".in-use.lock"); }

    /**
     * Marks the store as used by this process, waiting while another process compacts it.
     *
     * @throws HistoryException when the lock file cannot be made, or a compaction lasts longer than a run waits
     */
    static StoreUse join(Path base, String printable) { return join(base, printable, WAIT); }

    static synchronized StoreUse join(Path base, String printable, Duration wait) {
        Path file = lockFile(base).toAbsolutePath().normalize();
        StoreUse use = IN_THIS_PROCESS.get(file);
        if (use == null) {
            try {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                DataFolder.restrictToOwner(file);
                use = new StoreUse(file, channel);
            } catch (IOException e) {
                throw new HistoryException("cannot open the history store " + printable + ": its lock file " + file
                        + " cannot be made: " + HistoryStore.rootMessage(e), e);
            }
            IN_THIS_PROCESS.put(file, use);
        }
        if (use.shared == null) use.shared = use.waitForShared(printable, wait);
        return use;
    }

    private FileLock waitForShared(String printable, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
                if (lock != null) return lock;
            } catch (IOException e) {
                throw new HistoryException("cannot lock the history store " + printable + " (" + lockFile + "): "
                        + HistoryStore.rootMessage(e), e);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new HistoryException("another audit is compacting the history store " + printable + " (waited "
                        + wait.toSeconds() + " s for it); run again when it has finished", null);
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HistoryException("interrupted while waiting for the history store " + printable, e);
            }
        }
    }

    /** What runs while this process alone uses the store. */
    interface Alone {
        void run() throws Exception;
    }

    /**
     * Runs {@code work} only if no other process uses the store, holding it exclusively meanwhile; other
     * processes opening the store wait. Returns whether it ran. This process's shared lock is given up for the
     * time, so it is taken back before returning, whatever happened.
     */
    boolean ifAlone(Alone work) throws Exception {
        synchronized (StoreUse.class) {
            if (shared != null) {
                shared.release();
                shared = null;
            }
            FileLock exclusive;
            try {
                exclusive = channel.tryLock(0, Long.MAX_VALUE, false);
            } catch (OverlappingFileLockException e) {
                exclusive = null;
            }
            try {
                if (exclusive == null) return false;
                try {
                    work.run();
                } finally {
                    exclusive.release();
                }
                return true;
            } finally {
                shared = waitForShared(lockFile.toString(), WAIT);
            }
        }
    }
}

package org.alaraaudit.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.alaraaudit.scanlog.DataFolder;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The file of an embedded H2 store, looked at before H2 opens it. H2 opens a truncated or damaged file as a new,
 * empty database and writes over what is left, so months of history would be gone without a word: a file that
 * exists must first show that it still holds what its own header says it holds. Only a store that does not exist
 * is created, in a folder and as files readable by the owner alone.
 */
final class H2StoreFile {
    private static final String[] H2_SUFFIXES = {".mv.db", ".lock.db", ".trace.db"};
    private final Path base;

    private H2StoreFile(Path base) { this.base = base; }

    /** The file of an H2 file store; null for any other store (in memory, remote, PostgreSQL). */
    static H2StoreFile of(String url) {
        Path base = StoreUrl.h2Base(url);
        return base == null ? null : new H2StoreFile(base);
    }

    /** H2's data file: the store itself. */
    Path file() { return sibling(".mv.db"); }

    private Path sibling(String suffix) { return base.resolveSibling(base.getFileName() + suffix); }

    /**
     * Makes the store's folder on first use, or refuses an existing file H2 would not open as the store it was.
     *
     * @param encrypted the URL sets H2's CIPHER: the file cannot be read without its password, so only H2 checks it
     * @throws HistoryException when the folder cannot be made or the file is damaged
     */
    void prepare(String printable, boolean encrypted) {
        Path file = file();
        if (!Files.exists(file)) {
            try {
                DataFolder.create(base.getParent());
            } catch (IOException e) {
                throw new HistoryException("the history store folder " + base.getParent() + " cannot be created: "
                        + HistoryStore.rootMessage(e), e);
            }
            return;
        }
        if (encrypted) return;
        String damage = damage(file);
        if (damage != null) {
            throw new HistoryException("the history store " + printable + " exists but cannot be opened as one: " + file
                    + " " + damage + ". It was left as it is. Restore it from a backup (see docs/history.md, Backup),"
                    + " or run with --history naming another store, or with --no-history", null);
        }
    }

    /** What is wrong with an existing store file; null when H2 can open it as it was (or a running audit holds it). */
    static String damage(Path file) {
        try {
            if (!Files.isRegularFile(file)) return "is not a file";
            if (Files.size(file) == 0) return "is empty (0 bytes)";
        } catch (IOException e) {
            return "cannot be read (" + HistoryStore.rootMessage(e) + ")";
        }
        try (MVStore s = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            // The header names the block of the newest chunk it knows; a file that ends before it was cut short.
            // (Its "version" is no such test: a clean close can move it past the newest chunk's version.)
            java.util.Map<String, Object> header = s.getStoreHeader();
            long blockSize = DataUtils.readHexLong(header, "blockSize", 4096);
            long block = DataUtils.readHexLong(header, "block", 0);
            long size = Files.size(file);
            if (s.getMapNames().isEmpty()) return "is truncated or damaged (the file holds no data)";
            if (block > 0 && (block + 1) * blockSize > size) {
                return "is truncated or damaged (its header places its newest data at byte " + block * blockSize + ", but the file ends at byte "
                        + size + ")";
            }
            return null;
        } catch (IOException e) {
            return "cannot be read (" + HistoryStore.rootMessage(e) + ")";
        } catch (MVStoreException e) {
            // Another run has the store open: it opened it through this same check, and H2 lets this run in through it.
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) return null;
            return "is not an H2 database or is damaged (" + firstLine(e.getMessage()) + ")";
        } catch (RuntimeException e) {
            return "is not an H2 database or is damaged (" + firstLine(String.valueOf(e.getMessage())) + ")";
        }
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        String line = nl >= 0 ? m.substring(0, nl) : m;
        // MVStore appends its version in brackets: "File corrupted in chunk 7 [2.3.232/6]"
        return line.replaceFirst("\\s*\\[[0-9.]+/\\d+]\\s*$", "").trim();
    }

    /** Takes group and other permissions off the store's files, whatever H2 created them with. */
    void restrictToOwner() {
        try {
            for (String suffix : H2_SUFFIXES) DataFolder.restrictToOwner(sibling(suffix));
        } catch (IOException e) {
            throw new HistoryException("cannot make the history store " + file() + " private to its owner: "
                    + HistoryStore.rootMessage(e), e);
        }
    }

    static boolean encrypted(String url) { return url.toUpperCase(Locale.ROOT).contains(";CIPHER="); }
}

package org.alaraaudit.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives back the space an H2 store's writes left behind. H2 writes every change as new pages and keeps every page
 * a transaction touched until it ends; the one transaction that replaces an audited period therefore leaves a file
 * many times the size of its data (a re-audited 50,000-study month: 770 MB for 14 MB of data). After such a
 * write, when the file is mostly space H2 no longer uses, the store is copied into a compact file with H2's
 * {@code SHUTDOWN COMPACT}: only while no other process uses the store ({@link StoreUse}) and no other
 * connection of this one is open, since the copy closes the database under them.
 */
final class StoreCompaction {
    /** Below this a store is not worth a copy: the sample months' store is 5 MB. */
    static final long DEFAULT_MIN_BYTES = 32L << 20;

    private final long minBytes;

    StoreCompaction(long minBytes) { this.minBytes = minBytes; }

    /** The sizes of the store's file before and after a compaction. */
    record Compacted(long before, long after) {}

    /**
     * Compacts the store if it is large and mostly unused space, and nothing else uses it.
     *
     * @return the sizes, or null when the store was left as it is
     */
    Compacted compactIfWasteful(HistoryStore store, Path file, StoreUse use) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) < minBytes) return null;
            try (Connection c = store.connect()) {
                if (!wasteful(c) || otherSessions(c)) return null;
            }
            long before = Files.size(file);
            boolean ran = use.ifAlone(() -> {
                try (Connection c = store.connect(); Statement s = c.createStatement()) {
                    // Checked again while holding the store: a process may have connected since.
                    if (!otherSessions(c)) s.execute("SHUTDOWN COMPACT");
                }
            });
            return ran ? new Compacted(before, Files.size(file)) : null;
        } catch (Exception e) {
            // The run is recorded either way; a store left large is compacted after the next write.
            return null;
        }
    }

    /**
     * Whether less than half the file holds live data, by H2's own figures: the share of the file in chunks, and
     * the share of those chunks' pages still in use.
     */
    static boolean wasteful(Connection c) throws SQLException {
        Map<String, String> info = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (r.next()) info.put(r.getString(1), r.getString(2));
        }
        String fill = info.get("info.FILL_RATE");
        String chunks = info.get("info.CHUNKS_FILL_RATE");
        if (fill == null || chunks == null) return false;
        return Double.parseDouble(fill.trim()) * Double.parseDouble(chunks.trim()) < 50 * 100;
    }

    /** Another connection to the store: a run of this process, or one served to another process (AUTO_SERVER). */
    private static boolean otherSessions(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            return r.next() && r.getLong(1) > 1;
        }
    }
}

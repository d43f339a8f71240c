package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that one transaction replaced a period in holds many times its data; after the run it is compacted,
 * but only while nothing else uses it, and a process that opens it meanwhile waits for the compact file.
 */
class StoreCompactionTest {
    private static final int ROWS = 20_000;

    @TempDir
    Path dir;

    /**
     * H2 compacts for 200 ms as a store closes: enough for this small store, not for a re-audited month of
     * hundreds of MB. Switched off here, so that the small store stays as wasteful as the large one does.
     */
    private String url() { return "jdbc:h2:file:" + dir.resolve("history").resolve("store") + ";MAX_COMPACT_TIME=0"; }

    private Path file() { return dir.resolve("history").resolve("store.mv.db"); }

    /** Writes rows, then replaces them all in one transaction, as a re-audit of a period does. */
    private HistoryStore wastefulStore() throws Exception {
        HistoryStore store = HistoryStore.open(url(), Map.of());
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE filler (id INT PRIMARY KEY, text VARCHAR(400))");
            fill(c);
        }
        replaceAll(store);
        return store;
    }

    private static void replaceAll(HistoryStore store) throws Exception {
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("DELETE FROM filler");
            fill(c);
            c.commit();
        }
    }

    /** The file's identity: a compaction writes a new file in its place. */
    private Object fileKey() throws Exception {
        return Files.readAttributes(file(), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private static void fill(Connection c) throws Exception {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO filler VALUES (?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                p.setInt(1, i);
                p.setString(2, ("study " + i + " ").repeat(20));
                p.addBatch();
                if (i % 500 == 0) p.executeBatch();
            }
            p.executeBatch();
        }
    }

    private static long rows(HistoryStore store) throws Exception {
        try (Connection c = store.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM filler")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static boolean wasteful(HistoryStore store) throws Exception {
        try (Connection c = store.connect()) {
            return StoreCompaction.wasteful(c);
        }
    }

    @Test
    void aStoreThatIsMostlyLeftOverPagesIsCompactedAndKeepsEveryRow() throws Exception {
        HistoryStore store = wastefulStore();
        assertTrue(wasteful(store), "the replace left more unused than used space");
        Object key = fileKey();
        long before = Files.size(file());

        StoreCompaction.Compacted done = store.compactIfWasteful(0);

        assertNotNull(done, "compacted");
        assertFalse(key.equals(fileKey()), "a new, compact file");
        assertEquals(Files.size(file()), done.after());
        assertTrue(done.after() * 2 < done.before() && done.after() * 2 < before, before + " -> " + done.after());
        assertEquals(ROWS, rows(store));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file())),
                "the new file is the owner's alone, as the old one was");
        assertFalse(wasteful(store), "a compact store is not compacted again");
        assertNull(store.compactIfWasteful(0), "nothing to give back the second time");
    }

    @Test
    void aStoreBelowTheSizeWorthACopyIsLeftAsItIs() throws Exception {
        HistoryStore store = wastefulStore();
        Object key = fileKey();
        assertNull(store.compactIfWasteful(Files.size(file()) + (1 << 20)));
        assertEquals(key, fileKey(), "the same file");
    }

    @Test
    void aStoreWithAnotherConnectionOpenIsNotCompactedUnderIt() throws Exception {
        HistoryStore store = wastefulStore();
        Object key = fileKey();
        try (Connection other = store.connect()) {
            assertNull(store.compactIfWasteful(0));
            assertEquals(key, fileKey(), "the same file");
            try (Statement s = other.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM filler")) {
                assertTrue(r.next(), "the other connection still reads");
            }
        }
    }

    @Test
    void aStoreThatAnotherProcessHasOpenIsNotCompactedUntilThatProcessEnds() throws Exception {
        HistoryStore store = wastefulStore();
        Object key = fileKey();
        Process holder = holder();
        try {
            assertEquals("open", firstLine(holder));
            replaceAll(store);
            assertNull(store.compactIfWasteful(0), "the other process uses the store");
            assertEquals(key, fileKey(), "the same file");
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(1, TimeUnit.MINUTES));
        }
        replaceAll(store);
        assertNotNull(store.compactIfWasteful(0), "compacted once the other process has ended");
        assertEquals(ROWS, rows(store));
    }

    @Test
    void aProcessThatOpensTheStoreWhileItIsCompactedWaitsForTheCompactFile() throws Exception {
        HistoryStore.open(url(), Map.of());
        StoreUse use = StoreUse.join(StoreUrl.h2Base(url()), "store");
        Process[] opener = new Process[1];
        boolean ran = use.ifAlone(() -> {
            opener[0] = holder();
            // Had it not waited for the lock, it would have opened the store and said so by now.
            assertFalse(opener[0].waitFor(3, TimeUnit.SECONDS), "still waiting");
            assertEquals(0, opener[0].getInputStream().available(), "has not opened the store");
        });
        assertTrue(ran, "this process was alone");
        try {
            assertEquals("open", firstLine(opener[0]), "opened once the store was given back");
        } finally {
            opener[0].getOutputStream().close();
            assertTrue(opener[0].waitFor(1, TimeUnit.MINUTES));
        }
    }

    private Process holder() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                StoreHolder.class.getName(), url()))
                .redirectError(dir.resolve("holder-err.txt").toFile()).start();
    }

    private String firstLine(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null) return "ended: " + Files.readString(dir.resolve("holder-err.txt"));
        return line;
    }
}

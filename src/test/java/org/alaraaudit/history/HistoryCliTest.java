package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.history.SampleMonthsContract.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history options as a scheduler meets them: where the store is, and the exit codes when it is not there. */
class HistoryCliTest {
    @TempDir
    Path dir;

    private Path log() {
        return new AuditFixture().row("patient_id", "P1", "accession_number", "A1").write(dir, "log.csv");
    }

    private static Run cli(String... args) { return SampleMonthsContract.cli(args); }

    private String h2() { return "jdbc:h2:file:" + dir.resolve("store").resolve("history"); }

    @Test
    void auditCreatesTheStoreOnFirstUseAndTrendReadsIt() {
        Path out = dir.resolve("reports");
        Run a = cli("audit", log().toString(), "--period", "2026-10", "--history", h2(), "--format", "json", "--out", out.toString());
        assertEquals(0, a.code(), a.err());
        assertTrue(Files.exists(dir.resolve("store").resolve("history.mv.db")));
        Run t = cli("trend", "--history", h2(), "--out", out.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(Files.exists(out.resolve("trend-2026-10_2026-10.pdf")));
        assertTrue(Files.exists(out.resolve("trend-2026-10_2026-10.xlsx")));
    }

    @Test
    void aStoreThatCannotBeReachedIsExitCodeFiveWithOneClearMessage() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/alara?user=x&password=pw-s3cr3t";
        Run r = cli("audit", log().toString(), "--history", url, "--format", "json", "--out", dir.resolve("o").toString());
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains("history store jdbc:postgresql://127.0.0.1:" + closedPort), r.err());
        assertFalse(r.err().contains("pw-s3cr3t"), "the password is never printed: " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(5, cli("trend", "--history", url, "--out", dir.resolve("o").toString()).code());
    }

    @Test
    void badStoreOrTrendOptionsExitTwoAndAMistypedStorePathIsExitThreeAndNeverCreated() {
        assertEquals(2, cli("audit", log().toString(), "--history", "postgres://host/db").code(), "not a JDBC URL");
        assertEquals(2, cli("audit", log().toString(), "--history", "jdbc:mysql://host/db").code(), "no such store");
        assertEquals(2, cli("audit", log().toString(), "--history", h2(), "--no-history").code());
        assertEquals(2, cli("trend", "--no-history").code());
        // a mistyped store path is not a new, empty store: nothing to read (exit 3, input unusable)
        Path typo = dir.resolve("histroy").resolve("history");
        for (String[] command : new String[][]{{"trend"}, {"review", "import", dir.resolve("x.xlsx").toString()}, {"rules", "derive-ranges"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 2);
            args[command.length] = "--history";
            args[command.length + 1] = "jdbc:h2:file:" + typo;
            var r = cli(args);
            assertEquals(3, r.code(), String.join(" ", command) + ": " + r.err());
            assertTrue(r.err().contains("no history store there"), r.err());
        }
        assertTrue(!java.nio.file.Files.exists(typo.getParent()), "nothing created");
        assertEquals(2, cli("trend", "--history", h2(), "--by", "modality").code());
        assertEquals(2, cli("trend", "--history", h2(), "--from", "October").code());
        assertEquals(2, cli("trend", "--history", h2(), "--from", "2026-10", "--to", "2026-09").code());
    }

    @Test
    void trendOnAnEmptyStoreSaysSo() {
        HistoryStore.open(h2(), java.util.Map.of()); // made, as an audit that failed before writing would leave it
        Run r = cli("trend", "--history", h2(), "--out", dir.resolve("o").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("holds no audited study"), r.err());
    }

    @Test
    void noHistoryWritesNoStore() {
        Run a = cli("audit", log().toString(), "--period", "2026-10", "--no-history", "--format", "json", "--out", dir.resolve("o").toString());
        assertEquals(0, a.code(), a.err());
        assertFalse(Files.exists(dir.resolve("store")));
    }

    @Test
    void theDefaultStoreLivesInTheDataFolder() {
        assertEquals("jdbc:h2:file:" + Path.of("/home/u/.local/share/alara-audit/history/alara-audit"),
                StoreUrl.defaultFor(Path.of("/home/u/.local/share/alara-audit")));
        assertEquals("jdbc:postgresql://db/alara?user=a&password=***", StoreUrl.printable("jdbc:postgresql://db/alara?user=a&password=pw"));
    }

    @Test
    void anH2FileStoreLogsNoStatementsWithTheirValues() {
        String effective = StoreUrl.effective("jdbc:h2:file:/data/history/alara-audit");
        assertTrue(effective.contains(";TRACE_LEVEL_FILE=0"), effective);
        assertFalse(StoreUrl.effective("jdbc:postgresql://db/alara").contains("TRACE"));
    }
}

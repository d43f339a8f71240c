package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Random;
import java.util.Set;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.history.SampleMonthsContract.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 store file that exists is opened only when it still is the store it was: a truncated or foreign file is
 * refused with exit code 5 and left byte for byte as it was, never replaced by a new, empty store.
 */
class H2StoreFileTest {
    @TempDir
    Path dir;

    private Path log() {
        return new AuditFixture().row("patient_id", "P1", "accession_number", "A1").write(dir, "log.csv");
    }

    private String h2() { return "jdbc:h2:file:" + dir.resolve("store").resolve("history"); }

    private Path storeFile() { return dir.resolve("store").resolve("history.mv.db"); }

    private Run audit() {
        return SampleMonthsContract.cli("audit", log().toString(), "--period", "2026-10", "--history", h2(),
                "--format", "json", "--out", dir.resolve("reports").toString());
    }

    /** Refused with what to do, and the file untouched. */
    private void assertRefusedAndLeftAsItWas(String what) throws Exception {
        byte[] before = Files.readAllBytes(storeFile());
        Run r = audit();
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains("exists but cannot be opened as one"), r.err());
        assertTrue(r.err().contains(what), r.err());
        assertTrue(r.err().contains("Restore it from a backup") && r.err().contains("--no-history"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(5, SampleMonthsContract.cli("trend", "--history", h2(), "--out", dir.resolve("t").toString()).code());
        assertArrayEquals(before, Files.readAllBytes(storeFile()), "the damaged store is left as it was");
        assertFalse(Files.exists(dir.resolve("reports")), "nothing is audited against a store that is not there");
    }

    @Test
    void aStoreTruncatedToAFewKilobytesIsRefusedNotReplacedByAnEmptyOne() throws Exception {
        assertEquals(0, audit().code());
        Files.delete(dir.resolve("reports").resolve("findings.json"));
        Files.delete(dir.resolve("reports"));
        try (RandomAccessFile f = new RandomAccessFile(storeFile().toFile(), "rw")) {
            assertTrue(f.length() > 3 * 4096, "a store with data: " + f.length());
            f.setLength(3 * 4096);
        }
        assertRefusedAndLeftAsItWas("is truncated or damaged");
    }

    @Test
    void aFileThatIsNoH2DatabaseIsRefused() throws Exception {
        Files.createDirectories(storeFile().getParent());
        byte[] noise = new byte[20_000];
        new Random(5).nextBytes(noise);
        Files.write(storeFile(), noise);
        assertRefusedAndLeftAsItWas("is not an H2 database or is damaged");
    }

    @Test
    void anEmptyStoreFileIsRefused() throws Exception {
        Files.createDirectories(storeFile().getParent());
        Files.createFile(storeFile());
        assertRefusedAndLeftAsItWas("is empty (0 bytes)");
    }

    @Test
    void aStoreThatOpensAsItWasIsNotDamaged() throws Exception {
        assertEquals(0, audit().code());
        assertNull(H2StoreFile.damage(storeFile()));
        assertEquals(0, audit().code(), "the second run opens the store the first one made");
    }

    @Test
    void aNewStoreAndItsFolderAreTheOwnersAlone() throws Exception {
        Run r = audit();
        assertEquals(0, r.code(), r.err());
        Set<PosixFilePermission> others = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        Path inUse = storeFile().resolveSibling("history.in-use.lock");
        for (Path p : new Path[]{storeFile().getParent(), storeFile(), inUse}) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            assertTrue(perms.stream().noneMatch(others::contains), p + ": " + perms);
            assertTrue(perms.contains(PosixFilePermission.OWNER_READ), p + ": " + perms);
        }
        try (var files = Files.list(storeFile().getParent())) {
            // The empty lock file that tells the processes using the store from one compacting it stays, as H2's would.
            assertEquals(Set.of("history.mv.db", "history.in-use.lock"),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "no trace file with statements and their values next to the store");
        }
    }

    @Test
    void aStoreMadeReadableByOthersIsNarrowedToItsOwnerWhenOpened() throws Exception {
        assertEquals(0, audit().code());
        Files.setPosixFilePermissions(storeFile(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, audit().code());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(storeFile())));
    }
}

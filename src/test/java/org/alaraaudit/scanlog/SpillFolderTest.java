package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run killed with -9 leaves in the temporary folder, and what the next run may delete of it. */
class SpillFolderTest {
    private static final String HOST = RunOwner.current().split("-")[1];
    private static final String DEAD_RUN = "4194999999-" + HOST;

    @TempDir
    Path tmp;

    private static Path aged(Path p, int days) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(days, ChronoUnit.DAYS)));
        return p;
    }

    @Test
    void onlyTheToolsOwnLeftOversOfGoneRunsAreDeleted() throws IOException {
        Path killed = Files.createDirectory(tmp.resolve("alara-audit-findings-" + DEAD_RUN + "-123"));
        Files.writeString(killed.resolve("run-0.bin"), "findings");
        Path killedDoses = Files.writeString(tmp.resolve("alara-audit-doses-" + DEAD_RUN + "-456.bin"), "doses");
        Path live = Files.createDirectory(tmp.resolve("alara-audit-patients-" + RunOwner.current() + "-789"));
        Path legacyRecent = Files.createDirectory(tmp.resolve("alara-audit-duplicates123"));
        Path legacyOld = aged(Files.createDirectory(tmp.resolve("alara-audit-studies456")), 2);
        Path otherHostOld = aged(Files.createDirectory(tmp.resolve("alara-audit-patients-77-0badf00d-1")), 2);
        Path otherHostRecent = Files.createDirectory(tmp.resolve("alara-audit-patients-77-0badf00d-2"));
        Path someoneElses = aged(Files.createDirectory(tmp.resolve("alara-audit-notes")), 30);
        Path precious = Files.createDirectory(tmp.resolve("precious"));
        Files.writeString(precious.resolve("keep.txt"), "x");
        Path link = Files.createSymbolicLink(tmp.resolve("alara-audit-patients-" + DEAD_RUN + "-999"), precious);

        assertEquals(4, SpillFolder.removeLeftOvers(tmp));

        assertFalse(Files.exists(killed));
        assertFalse(Files.exists(killedDoses));
        assertFalse(Files.exists(legacyOld));
        assertFalse(Files.exists(otherHostOld));
        assertTrue(Files.exists(live), "this process is alive: a concurrent audit's files stay");
        assertTrue(Files.exists(legacyRecent));
        assertTrue(Files.exists(otherHostRecent));
        assertTrue(Files.exists(someoneElses));
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.exists(precious.resolve("keep.txt")), "a link is never followed");
    }

    @Test
    void aReusedPidDoesNotMakeAnOldFolderLookAlive() {
        // This process started after the folder was last written: the pid was reused, the writer is gone.
        String mine = RunOwner.current();
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        assertFalse(RunOwner.isLeftOver(mine, FileTime.from(started.minus(1, ChronoUnit.HOURS)), Instant.now()),
                "the tool never deletes its own process's files");
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        String parentTag = parent + "-" + HOST;
        assertFalse(RunOwner.isLeftOver(parentTag, FileTime.from(Instant.now()), Instant.now()));
        assertTrue(RunOwner.isLeftOver(parentTag, FileTime.from(Instant.EPOCH), Instant.now()));
    }

    @Test
    void spillFoldersAndFilesAreTheOwnersOnly() throws IOException {
        assumeTrue(Files.getFileStore(tmp).supportsFileAttributeView("posix"));
        Path folder = SpillFolder.create("test");
        Path file = SpillFolder.createFile("test");
        try {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertTrue(folder.getFileName().toString().startsWith("alara-audit-test-" + RunOwner.current() + "-"));
        } finally {
            Files.deleteIfExists(folder);
            Files.deleteIfExists(file);
        }
    }
}

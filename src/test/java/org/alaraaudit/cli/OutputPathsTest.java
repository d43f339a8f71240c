package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.scanlog.RunOwner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the reports go: a bad --out stops the run before it starts, a failed write says what was written. */
class OutputPathsTest {
    /** A pid no system hands out (Linux's pid_max is at most 2^22), so its files are a killed run's. */
    private static final String DEAD_RUN = "4194999999-" + RunOwner.current().split("-")[1];

    @TempDir
    Path dir;

    private Path log(Path folder) {
        return new AuditFixture()
                .row("accession_number", "A1")
                .row("accession_number", "A2", "ctdivol_mgy", "oops")
                .write(folder, "log.csv");
    }

    private static CliTest.Run audit(Path input, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("audit", input.toString(), "--period", "2026-10", "--no-history",
                "--no-progress", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    private static long filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private void assertRefusedBeforeTheAudit(CliTest.Run r, String named) throws IOException {
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().startsWith("alara-audit: cannot write the reports: " + named + ": "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out(), "nothing is audited");
        assertEquals(1, filesIn(dir), "only the scan log: nothing written");
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeAnythingIsRead() throws IOException {
        Path input = log(dir);
        Path out = dir.resolve("reports");
        Files.writeString(out, "");
        CliTest.Run r = audit(input, out);
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains(out + ": is a file, not a folder"), r.err());
        assertEquals("", r.out());
        assertEquals("", Files.readString(out));
    }

    @Test
    void anOutThatIsADanglingSymbolicLinkIsRefusedBeforeTheAudit() throws IOException {
        Path input = log(dir);
        Path out = Files.createSymbolicLink(dir.resolve("reports"), dir.resolve("gone"));
        assertRefusedBeforeTheAudit(audit(input, out), out.toString());
        assertTrue(audit(input, out).err().contains("is a symbolic link to " + dir.resolve("gone") + ", which does not exist"));
        assertFalse(Files.exists(dir.resolve("gone")));
    }

    @Test
    void anOutWhoseParentIsAFileCannotBeCreatedAndNothingIsLeft() throws IOException {
        Path input = log(dir);
        Path notAFolder = Files.writeString(dir.resolve("notes.txt.bak"), "x");
        Path out = notAFolder.resolve("month/reports");
        CliTest.Run r = audit(input, out);
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains(out + ": cannot be created: " + notAFolder.toAbsolutePath() + " is not a folder"), r.err());
        assertEquals("", r.out());
        assertEquals(2, filesIn(dir));
    }

    @Test
    void aMissingOutIsLeftUncreatedWhenTheInputIsUnusable() throws IOException {
        Path out = dir.resolve("a/b/reports");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "no,header,we,know\n1,2,3,4\n");
        CliTest.Run r = audit(bad, out);
        assertEquals(3, r.code(), r.err());
        assertFalse(Files.exists(dir.resolve("a")), "the probe's folders are removed again");
    }

    @Test
    void anOutFolderThatCannotBeWrittenIsRefusedBeforeTheAudit() throws IOException {
        Path input = log(dir);
        Path out = Files.createDirectory(dir.resolve("reports"));
        assumeTrue(Files.getFileStore(out).supportsFileAttributeView("posix"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-x------"));
        try {
            // root writes anywhere: there the permission bits cannot make a folder unwritable.
            assumeFalse(Files.isWritable(out), "running as root");
            CliTest.Run r = audit(input, out);
            assertEquals(5, r.code(), r.err());
            assertTrue(r.err().contains(out + ": is not writable (permission denied)"), r.err());
            assertEquals("", r.out());
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFileSystemThatRefusesFoldersIsNamedWithExit5() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        Path input = log(dir);
        CliTest.Run r = audit(input, Path.of("/proc/alara-audit-reports"));
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().startsWith("alara-audit: cannot write the reports: /proc/alara-audit-reports: cannot be created"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aSecondRunWithOutInsideTheInputFolderDoesNotReadTheFirstRunsReports() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        log(data);
        Path out = data.resolve("reports");
        CliTest.Run first = audit(data, out);
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.exists(out.resolve("findings.csv")) && Files.exists(out.resolve("audit-2026-10.xlsx")));
        // A stray copy of an earlier month's reports elsewhere in the folder is the tool's too.
        Files.copy(out.resolve("rejected.csv"), data.resolve("rejected.csv"));
        CliTest.Run second = audit(data, out);
        assertEquals(0, second.code(), second.err());
        String rows = first.out().lines().filter(l -> l.startsWith("Rows:")).findFirst().orElseThrow();
        assertTrue(second.out().contains(rows), second.out());
        assertTrue(second.err().startsWith("alara-audit: not reading 4 files that alara-audit wrote itself: "), second.err());
        assertEquals(1, second.err().strip().lines().count(), second.err());
    }

    @Test
    void aLicenceAndAReadmeBesideTheExportsAreNamedAndNotReadWhileATextExportIs() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        log(data);
        Files.writeString(data.resolve("LICENSE.txt"), "MIT License\n\nCopyright (c) 2026, the radiology department\n");
        Files.writeString(data.resolve("README.txt"), "Exports of the CT scanners, October; one file per scanner\n");
        Files.copy(data.resolve("log.csv"), data.resolve("export.txt"));
        Files.move(data.resolve("log.csv"), dir.resolve("log.csv"));
        CliTest.Run r = audit(data, dir.resolve("reports"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Rows: 2 read"), "export.txt is read: " + r.out());
        assertEquals("alara-audit: not reading 2 text files whose first line names no scan-log column (notes beside the exports): "
                + data.resolve("LICENSE.txt") + ", " + data.resolve("README.txt"), r.err().strip());
    }

    @Test
    void aNoteSavedAsLatin1BesideTheExportsIsLeftOutAsANoteInsteadOfStoppingTheRun() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        log(data);
        // A dump's referring physician, "Müller", as Latin-1 writes it: one byte 0xFC that is no UTF-8.
        Files.write(data.resolve("notes.txt"), latin1Note());
        CliTest.Run r = audit(data, dir.resolve("reports"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Rows: 2 read"), r.out());
        assertEquals("alara-audit: not reading 1 text file whose first line names no scan-log column (notes beside the exports): "
                + data.resolve("notes.txt"), r.err().strip());
    }

    @Test
    void aDicomTextDumpThatBeginsWithAnEmptyLineIsLeftOutAsANote() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        log(data);
        // dcmdump's output: a blank line, then comment lines, then the elements, a name in Latin-1 among them.
        Files.write(data.resolve("CT1.dcm.dcmdump.txt"), ("\n# Dicom-File-Format\n\n(0008,0090) PN [M\u00fcller]\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CliTest.Run r = audit(data, dir.resolve("reports"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().strip().endsWith("(notes beside the exports): " + data.resolve("CT1.dcm.dcmdump.txt")), r.err());
    }

    @Test
    void aLatin1NoteNamedOnTheCommandLineStopsTheRunNamingTheLineThatIsNotUtf8() throws IOException {
        Path note = Files.write(dir.resolve("notes.txt"), latin1Note());
        CliTest.Run r = audit(note, dir.resolve("reports"));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("alara-audit: input unusable: notes.txt: line 2 is not UTF-8 text"), r.err());
    }

    @Test
    void aLatin1ExportInAFolderWhoseHeaderNamesColumnsStillStopsTheRun() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path log = log(dir);
        byte[] export = (Files.readString(log).replace("General", "G\u00e9n\u00e9ral")).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(data.resolve("export.txt"), export);
        CliTest.Run r = audit(data, dir.resolve("reports"));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("export.txt: line 2 is not UTF-8 text"), r.err());
    }

    private static byte[] latin1Note() {
        return "Notes about the export\nReferring physician: M\u00fcller\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void aFolderOfNotesOnlyIsRefusedNamingTheNotesItLeftOut() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("README.txt"), "Exports of the CT scanners go here\n");
        CliTest.Run r = audit(data, dir.resolve("reports"));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("the folder holds no scan logs (*.csv, *.xlsx) or DICOM dose reports; left out as notes, their first"
                + " line naming no scan-log column: README.txt (exports of a layout of your own need --profile FILE)"), r.err());
    }

    @Test
    void aTextFileWithADamagedScanLogHeaderStopsTheRunInsteadOfBeingPassedOver() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("export.txt"), "patient_id,accesion_number,study_datetime\nP1,A1,2026-10-02T10:00\n");
        CliTest.Run r = audit(data, dir.resolve("reports"));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("alara-audit: input unusable: export.txt: the columns fit no known layout"), r.err());
    }

    @Test
    void anOutEqualToTheInputFolderStillReadsTheScanLogs() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        log(data);
        assertEquals(0, audit(data, data).code());
        CliTest.Run again = audit(data, data);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Rows: 2 read"), again.out());
    }

    @Test
    void aReportThatCannotBeWrittenIsNamedWithTheReportsThatWere() throws IOException {
        Path input = log(dir);
        Path out = Files.createDirectory(dir.resolve("reports"));
        // A folder where the PDF should go: the move into place fails as a full disk would, mid-run.
        Files.writeString(Files.createDirectories(out.resolve("audit-2026-10.pdf")).resolve("keep.txt"), "x");
        CliTest.Run r = audit(input, out);
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().startsWith("alara-audit: cannot write the reports: 1 report was not written\n"
                + "  not written: " + out.resolve("audit-2026-10.pdf") + ": "), r.err());
        assertFalse(r.err().contains(".part"), "the reason, not the temporary file's name: " + r.err());
        assertTrue(r.err().contains("  written: " + out.resolve("audit-2026-10.xlsx") + ", " + out.resolve("findings.csv") + ", "
                + out.resolve("rejected.csv") + ", " + out.resolve("findings.json") + "\n"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        // The audit ran: its summary is printed as on success, naming the report it could not write as such.
        assertTrue(r.out().contains("Rows: 2 read = 1 audited + 1 rejected + 0 duplicate + 0 excluded\n"), r.out());
        assertTrue(r.out().contains("\nFindings: "), r.out());
        List<String> reports = r.out().lines().dropWhile(l -> !l.equals("Reports:")).toList();
        assertEquals(List.of("Reports:", "  " + out.resolve("audit-2026-10.xlsx"), "  " + out.resolve("findings.csv"),
                "  " + out.resolve("rejected.csv"), "  " + out.resolve("findings.json"),
                "  NOT WRITTEN: " + out.resolve("audit-2026-10.pdf") + " (the error says why)"), reports, "no summary claims the PDF");
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void aRunWithAReportNotWrittenPrintsItsSummaryThenTheFailureAndIsNotStored() throws IOException {
        Path input = log(dir);
        Path out = Files.createDirectory(dir.resolve("reports"));
        Files.createDirectory(out.resolve("findings.csv"));
        String store = "jdbc:h2:file:" + dir.resolve("store").resolve("history");
        CliTest.Run r = CliTest.run("audit", input.toString(), "--period", "2026-10", "--history", store, "--no-progress",
                "--out", out.toString(), "--format", "csv,json,xlsx");
        assertEquals(ExitCode.OUTPUT_FAILED, r.code(), r.err());
        assertTrue(r.out().startsWith("alara-audit "), r.out());
        assertTrue(r.out().contains("Rows: 2 read = 1 audited + 1 rejected"), r.out());
        assertTrue(r.out().contains("  PEDIATRIC_BODY_32CM_PHANTOM "), "the findings by rule: " + r.out());
        assertTrue(r.out().contains("log.csv line 3: ctdivol_mgy \"oops\" is not a number"), r.out());
        assertTrue(r.out().endsWith("  NOT WRITTEN: " + out.resolve("findings.csv") + " (the error says why)\n"), r.out());
        assertTrue(r.err().startsWith("alara-audit: cannot write the reports: 1 report was not written\n"
                + "  not written: " + out.resolve("findings.csv") + ": "), r.err());
        assertTrue(r.err().strip().endsWith("This run was not recorded in the history store: run it again once every report can be"
                + " written."), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        CliTest.Run trend = CliTest.run("trend", "--history", store, "--out", dir.resolve("trend").toString());
        assertTrue(trend.code() != 0 || !trend.out().contains("2026-10"), "no run was stored: " + trend.out() + trend.err());
    }

    @Test
    void reportsAreReadableByTheirOwnerOnly() throws IOException {
        Path input = log(dir);
        Path out = dir.resolve("reports");
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        assertEquals(0, audit(input, out).code());
        Set<PosixFilePermission> others = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        for (String f : List.of("audit-2026-10.pdf", "audit-2026-10.xlsx", "findings.csv", "rejected.csv", "findings.json")) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(out.resolve(f));
            assertTrue(mode.contains(PosixFilePermission.OWNER_READ), f + " " + mode);
            assertTrue(mode.stream().noneMatch(others::contains), f + " " + mode);
        }
    }

    @Test
    void partFilesOfAKilledRunAreRemovedAtTheNextStartButNotThoseOfALiveOne() throws IOException {
        Path input = log(dir);
        Path out = Files.createDirectory(dir.resolve("reports"));
        Path killed = Files.writeString(out.resolve(".findings.csv." + DEAD_RUN + ".1b2c3d.part"), "half");
        Path live = Files.writeString(out.resolve(".findings.json." + RunOwner.current() + ".1b2c3e.part"), "half");
        Path otherHost = Files.writeString(out.resolve(".audit-2026-10.pdf.4242-0badf00d.1b2c3f.part"), "half");
        Path otherHostOld = Files.writeString(out.resolve(".audit-2026-10.xlsx.4242-0badf00d.1b2c40.part"), "half");
        Files.setLastModifiedTime(otherHostOld, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        Path notOurs = Files.writeString(out.resolve(".notes.part"), "mine");
        assertEquals(0, audit(input, out).code());
        assertFalse(Files.exists(killed), "its run is gone");
        assertFalse(Files.exists(otherHostOld), "cannot be checked, and older than a day");
        assertTrue(Files.exists(live), "this process is running");
        assertTrue(Files.exists(otherHost), "another host's run may still be writing");
        assertTrue(Files.exists(notOurs));
    }

    @Test
    void spillFoldersOfAKilledRunAreRemovedAtTheNextStart() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path killed = Files.createDirectory(tmp.resolve("alara-audit-patients-" + DEAD_RUN + "-" + System.nanoTime()));
        Files.writeString(killed.resolve("bucket-0.bin"), "rows");
        try {
            assertEquals(0, audit(log(dir), dir.resolve("reports")).code());
            assertFalse(Files.exists(killed));
        } finally {
            if (Files.exists(killed)) {
                Files.deleteIfExists(killed.resolve("bucket-0.bin"));
                Files.deleteIfExists(killed);
            }
        }
    }
}

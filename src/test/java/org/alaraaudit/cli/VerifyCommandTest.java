package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alaraaudit.AuditFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportMatchesItsInputsAndRulesAndNoticesAChangedFile() throws Exception {
        Path log = new AuditFixture().row("accession_number", "A1").write(dir, "log.csv");
        assertEquals(0, CliTest.run("audit", log.toString(), "--out", dir.resolve("o").toString(), "--format", "json",
                "--no-history").code());
        Path json = dir.resolve("o/findings.json");
        CliTest.Run same = CliTest.run("verify", json.toString(), log.toString());
        assertEquals(0, same.code(), same.out() + same.err());
        assertTrue(same.out().contains("OK             log.csv"), same.out());

        Files.writeString(log, Files.readString(log).replace("2.0", "2.1"));
        CliTest.Run changed = CliTest.run("verify", json.toString(), log.toString());
        assertEquals(1, changed.code());
        assertTrue(changed.out().contains("DIFFERS        " + log), changed.out());

        assertEquals(3, CliTest.run("verify", log.toString()).code(), "a CSV is not a report");
    }

    @Test
    void aFolderIsVerifiedAsAuditReadItWithTheReportsWrittenIntoItLeftOut() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("logs"));
        new AuditFixture().row("accession_number", "A1").write(folder, "august.csv");
        new AuditFixture().row("accession_number", "A2").write(folder, "september.csv");
        Files.writeString(folder.resolve("README.txt"), "CT exports, one file a month\n");
        // the reports written into the folder they audited, as a user may
        CliTest.Run audit = CliTest.run("audit", folder.toString(), "--out", folder.toString(), "--format", "json,csv", "--no-history");
        assertEquals(0, audit.code(), audit.err());
        Path json = folder.resolve("findings.json");
        CliTest.Run r = CliTest.run("verify", json.toString(), folder.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("OK             august.csv"), r.out());
        assertTrue(r.out().contains("OK             september.csv"), r.out());
        assertTrue(!r.out().contains("findings.csv"), "the tool's own reports are not inputs: " + r.out());
        assertTrue(!r.out().contains("README.txt") && r.err().contains("not reading 1 text file whose first line names no scan-log column"),
                "the folder's README is left out as audit left it out: " + r.out() + r.err());

        new AuditFixture().row("accession_number", "A3").write(folder, "october.csv");
        CliTest.Run more = CliTest.run("verify", json.toString(), folder.toString());
        assertEquals(1, more.code(), more.out());
        assertTrue(more.out().contains("NOT IN REPORT  " + folder.resolve("october.csv")), more.out());
    }

    @Test
    void twoFilesOfOneNameInTwoSubfoldersAreEachMatchedWithTheirOwnDigest() throws Exception {
        Path data = dir.resolve("data");
        new AuditFixture().row("accession_number", "A1").write(Files.createDirectories(data.resolve("aug")), "export.csv");
        new AuditFixture().row("accession_number", "A2").write(Files.createDirectories(data.resolve("sep")), "export.csv");
        CliTest.Run audit = CliTest.run("audit", data.toString(), "--out", dir.resolve("o").toString(), "--format", "json", "--no-history");
        assertEquals(0, audit.code(), audit.err());
        CliTest.Run r = CliTest.run("verify", dir.resolve("o/findings.json").toString(), data.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("OK             export.csv")).count(), r.out());
    }
}

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
        assertTrue(changed.out().contains("DIFFERS        log.csv"), changed.out());

        assertEquals(3, CliTest.run("verify", log.toString()).code(), "a CSV is not a report");
    }
}

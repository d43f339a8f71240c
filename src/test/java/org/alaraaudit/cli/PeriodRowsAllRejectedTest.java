package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A period none of whose rows could be audited is not a mistyped --period: the export needs fixing. Nothing is
 * written for it (no rejected.csv), so the message itself says how many of the period's rows were rejected and why.
 */
class PeriodRowsAllRejectedTest {
    @TempDir
    Path dir;

    /** The first {@code rows} rows of a sample month, with the column {@code emptied} (if any) blanked on each. */
    private Path sampleRows(String month, int rows, String emptied, String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("sample-data", "scan-log-" + month + ".csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int column = emptied == null ? -1 : header.indexOf(emptied);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, rows + 1)) {
            // The sample's facility names hold no comma or quote, so a plain split finds the cell.
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            if (column >= 0) cells.set(column, "");
            kept.add(String.join(",", cells));
        }
        return Files.write(dir.resolve(name), kept);
    }

    @Test
    void aMonthWhoseRowsWereAllRejectedIsExit3CountingAndQuotingTheRejectedRowsOfThePeriod() throws IOException {
        Path sep = sampleRows("2026-09", 50, null, "sep.csv");
        Path oct = sampleRows("2026-10", 100, "facility", "oct.csv");
        Path out = dir.resolve("reports");
        CliTest.Run r = CliTest.run("audit", sep.toString(), oct.toString(), "--period", "2026-10", "--no-history", "--no-progress",
                "--out", out.toString());
        assertEquals(ExitCode.INPUT_UNUSABLE, r.code(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals("alara-audit: input unusable: No study of the input falls in the period 2026-10-01 to 2026-10-31; the input's"
                + " studies run from 2026-09-01 to 2026-09-01. 100 rows dated in the period were rejected: fix the export rather"
                + " than --period. The first 5:", lines.get(0));
        for (int i = 1; i <= 5; i++) assertEquals("  oct.csv line " + (i + 1) + ": facility is required but empty", lines.get(i));
        assertEquals("Nothing was written.", lines.get(6));
        assertEquals(7, lines.size(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(out.resolve("findings.csv")), "nothing written");
    }

    @Test
    void aFewRejectedRowsOfThePeriodAreAllQuotedWithoutSayingTheFirst() {
        Path log = new AuditFixture()
                .row("accession_number", "S1", "study_datetime", "2026-09-10T10:00:00")
                .row("accession_number", "O1", "ctdivol_mgy", "2,0O")
                .write(dir, "log.csv");
        CliTest.Run r = CliTest.run("audit", log.toString(), "--period", "2026-10", "--no-history", "--no-progress",
                "--out", dir.resolve("reports").toString());
        assertEquals(ExitCode.INPUT_UNUSABLE, r.code(), r.err());
        assertEquals("alara-audit: input unusable: No study of the input falls in the period 2026-10-01 to 2026-10-31; the input's"
                + " studies run from 2026-09-10 to 2026-09-10. 1 row dated in the period was rejected: fix the export rather"
                + " than --period.\n  log.csv line 3: ctdivol_mgy \"2,0O\" is not a number\nNothing was written.", r.err().strip());
    }

    @Test
    void rejectedRowsWhoseDateCannotBeReadAreQuotedSinceTheyMayBeThePeriods() {
        Path log = new AuditFixture()
                .row("accession_number", "S1", "study_datetime", "2026-09-10T10:00:00")
                .row("accession_number", "O1", "study_datetime", "10/10/2026 10:00")
                .write(dir, "log.csv");
        CliTest.Run r = CliTest.run("audit", log.toString(), "--period", "2026-10", "--no-history", "--no-progress",
                "--out", dir.resolve("reports").toString());
        assertEquals(ExitCode.INPUT_UNUSABLE, r.code(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals("alara-audit: input unusable: No study of the input falls in the period 2026-10-01 to 2026-10-31; the input's"
                + " studies run from 2026-09-10 to 2026-09-10. Check --period and the files. 1 row rejected has no study date"
                + " that can be read.", lines.get(0));
        assertTrue(lines.get(1).startsWith("  log.csv line 3: study_datetime \"10/10/2026 10:00\" "), r.err());
        assertEquals("Nothing was written.", lines.get(2));
    }
}

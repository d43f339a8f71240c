package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monthly job that writes every month into one folder keeps each month's PDF, but each run replaces findings.csv,
 * rejected.csv and findings.json: the console says so once another period's reports lie beside them.
 */
class OtherPeriodsInOneFolderTest {
    @TempDir
    Path dir;

    @Test
    void theSecondMonthInTheSameFolderIsToldTheFindingsFilesAreItsOwnOnly() {
        CliTest.Run september = CliTest.run("audit", "sample-data", "--period", "2026-09", "--no-history", "--format", "pdf,csv",
                "--out", dir.toString());
        assertEquals(ExitCode.OK, september.code(), september.err());
        assertFalse(september.out().contains("also holds the PDF or workbook of"), "the first month is alone: " + september.out());

        CliTest.Run again = CliTest.run("audit", "sample-data", "--period", "2026-09", "--no-history", "--format", "pdf,csv",
                "--out", dir.toString());
        assertFalse(again.out().contains("also holds the PDF or workbook of"), "the same month again replaces its own: " + again.out());

        CliTest.Run october = CliTest.run("audit", "sample-data", "--period", "2026-10", "--no-history", "--format", "csv",
                "--out", dir.toString());
        assertEquals(ExitCode.OK, october.code(), october.err());
        assertTrue(october.out().contains("Note: " + dir + "/ also holds the PDF or workbook of 2026-09, but its findings.csv,"
                + " rejected.csv now hold this run's (2026-10) only: an earlier run's were replaced. Give each period its own --out"
                + " to keep every period's."), october.out());
    }

    @Test
    void theNoteIsLeftOutWhenOnlyReportsNamedByTheirPeriodAreWritten() throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("audit-2026-09.pdf"), "");
        assertEquals(null, Summary.otherPeriods(java.util.List.of(dir.resolve("audit-2026-10.pdf")), "2026-10"));
        assertTrue(Summary.otherPeriods(java.util.List.of(dir.resolve("audit-2026-10.pdf"), dir.resolve("findings.json")), "2026-10")
                .contains("also holds the PDF or workbook of 2026-09, but its findings.json now holds this run's (2026-10) only"));
    }
}

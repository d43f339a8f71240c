package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A period in the right form that names no month or day says which, not that the form is wrong; usage error, nothing written. */
class PeriodArgumentTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
            "--period 2026-13;the period \"2026-13\" names month 13: months run from 01 to 12",
            "--period 2026-00;the period \"2026-00\" names month 0: months run from 01 to 12",
            "--from 2026-02-30 --to 2026-03-01;the period \"2026-02-30\" names day 30 of February 2026, which has 28 days",
            "--from 2024-02-28 --to 2024-02-30;the period \"2024-02-30\" names day 30 of February 2024, which has 29 days",
            "--period 2026-1;cannot read the period \"2026-1\": expected --period YYYY-MM or --from/--to YYYY-MM-DD",
            "--period 2026-10-05;cannot read the period \"2026-10-05\": expected --period YYYY-MM or --from/--to YYYY-MM-DD",
            "--from 2026-10 --to 2026-10-31;cannot read the period \"2026-10\": expected --period YYYY-MM or --from/--to YYYY-MM-DD"})
    void aPeriodThatNamesNoMonthOrDaySaysWhich(String period, String message) {
        Path out = dir.resolve("out");
        String[] args = ("audit sample-data/scan-log-2026-10.csv " + period + " --no-history --out " + out).split(" ");
        CliTest.Run r = CliTest.run(args);
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertEquals("alara-audit: " + message, r.err().strip().lines().findFirst().orElse(""));
        assertFalse(Files.exists(out), "nothing written");
    }
}

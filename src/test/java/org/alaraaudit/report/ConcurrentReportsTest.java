package org.alaraaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills up mid-run: every report is attempted, and the failure says which were written. */
class ConcurrentReportsTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskNamesTheReportsWrittenAndThoseThatWereNot() throws IOException {
        Path pdf = dir.resolve("audit-2026-10.pdf");
        Path csv = dir.resolve("findings.csv");
        Path json = dir.resolve("findings.json");
        ConcurrentReports.NotAllWritten e = assertThrows(ConcurrentReports.NotAllWritten.class, () -> ConcurrentReports.writeEach(List.of(
                new ConcurrentReports.Target(pdf, () -> ReportFile.write(pdf, out -> {
                    out.write(new byte[1 << 17]);
                    throw new IOException(pdf + ": No space left on device");
                })),
                new ConcurrentReports.Target(csv, () -> ReportFile.write(csv, out -> out.write('x'))),
                new ConcurrentReports.Target(json, () -> ReportFile.write(json, out -> out.write('{'))))));
        assertEquals(List.of(csv, json), e.written());
        assertEquals(List.of(pdf), List.copyOf(e.failed().keySet()));
        assertEquals(pdf + ": No space left on device", ConcurrentReports.NotAllWritten.describe(e.failed().entrySet().iterator().next()));
        assertEquals(false, Files.exists(pdf), "no half-written PDF");
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "and no .part file");
        }
    }
}

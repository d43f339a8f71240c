package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample month's PDF as a safety officer makes it (the command on the sample folder, default template, no
 * history, so no reviews), made once for the tests that read it: each of them rendering its own cost seconds.
 */
final class SampleMonthPdf {
    private static Path file;

    private SampleMonthPdf() {}

    static synchronized Path file() {
        if (file != null) return file;
        try {
            Path dir = Files.createTempDirectory("sample-month-pdf");
            StringWriter err = new StringWriter();
            picocli.CommandLine cl = org.alaraaudit.cli.Main.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            assertEquals(0, cl.execute("audit", "sample-data", "--period", "2026-10", "--no-history", "--format", "pdf", "--out",
                    dir.toString()), err.toString());
            file = dir.resolve("audit-2026-10.pdf");
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

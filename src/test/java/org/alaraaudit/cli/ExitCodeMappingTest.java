package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.history.HistoryException;
import org.alaraaudit.report.ConcurrentReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Exit 2 is the user's mistake, exit 5 the file system's or the store's, exit 70 the tool's: a scheduler and the
 * person on call act differently on each, so a bug must not read as a full disk nor as a typo on the command line.
 */
class ExitCodeMappingTest {
    @TempDir
    Path dir;

    private static CliTest.Run fail(Throwable t) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new JavaErrorTest.Fail(t));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new CliTest.Run(cl.execute("fail"), out.toString(), err.toString());
    }

    private static void assertOneLineWithoutTrace(CliTest.Run r) {
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    /** What the audit command throws when these reports fail as given: the first written, the others not. */
    private RuntimeException reportsFailing(Throwable... failures) {
        List<ConcurrentReports.Target> targets = new java.util.ArrayList<>();
        targets.add(new ConcurrentReports.Target(dir.resolve("findings.csv"),
                () -> Files.writeString(dir.resolve("findings.csv"), "ok", StandardCharsets.UTF_8)));
        for (int i = 0; i < failures.length; i++) {
            Throwable t = failures[i];
            targets.add(new ConcurrentReports.Target(dir.resolve("report-" + i), () -> {
                if (t instanceof IOException io) throw io;
                throw (RuntimeException) t;
            }));
        }
        ConcurrentReports.NotAllWritten e = assertThrows(ConcurrentReports.NotAllWritten.class, () -> ConcurrentReports.writeEach(targets));
        return AuditCommand.notWritten(e);
    }

    @Test
    void aProgrammingDefectInsideAReportWriterIsAnInternalErrorNotAnOutputFailure() {
        CliTest.Run r = fail(reportsFailing(new NullPointerException("Cannot invoke \"Finding.ruleId()\"")));
        assertEquals(ExitCode.INTERNAL, r.code(), r.err());
        assertOneLineWithoutTrace(r);
        assertTrue(r.err().startsWith("alara-audit: internal error: java.lang.NullPointerException"), r.err());
        assertTrue(r.err().contains("(run again with --verbose for details)"), r.err());
    }

    @Test
    void aDefectInOneWriterIsAnInternalErrorEvenWhenAnotherRanOutOfDisk() {
        CliTest.Run r = fail(reportsFailing(new UncheckedIOException(new IOException("No space left on device")),
                new IllegalStateException("row index went negative")));
        assertEquals(ExitCode.INTERNAL, r.code(), r.err());
        assertTrue(r.err().contains("java.lang.IllegalStateException: row index went negative"), r.err());
    }

    @Test
    void aFullDiskInsideAReportWriterIsExit5NamingTheReportsWrittenAndNot() {
        CliTest.Run r = fail(reportsFailing(new UncheckedIOException(new IOException("No space left on device"))));
        assertEquals(ExitCode.OUTPUT_FAILED, r.code(), r.err());
        assertTrue(r.err().startsWith("alara-audit: cannot write the reports: 1 report was not written"), r.err());
        assertTrue(r.err().contains("report-0: No space left on device"), r.err());
        assertTrue(r.err().contains("written: " + dir.resolve("findings.csv")), r.err());
    }

    @Test
    void aLibraryExceptionWrappingAnIOExceptionIsAnOutputFailure() {
        // POI wraps the stream's IOException in its own runtime exception.
        RuntimeException wrapped = new RuntimeException("Fail to save", new IOException("No space left on device"));
        assertEquals(ExitCode.OUTPUT_FAILED, fail(ErrorReport.writeFailure("trend.xlsx: Fail to save", wrapped)).code());
        assertEquals(ExitCode.OUTPUT_FAILED, fail(reportsFailing(wrapped)).code());
    }

    @Test
    void aWriteFailureWithoutAnIOExceptionAtItsRootIsTheDefectItself() {
        IllegalStateException bug = new IllegalStateException("no such sheet");
        assertTrue(ErrorReport.writeFailure("trend.xlsx: no such sheet", bug) == bug);
        assertEquals(ExitCode.INTERNAL, fail(ErrorReport.writeFailure("trend.xlsx", bug)).code());
    }

    @Test
    void anIllegalArgumentExceptionFromTheToolItselfIsADefectNotAUsageError() {
        CliTest.Run r = fail(new IllegalArgumentException("Comparison method violates its general contract!"));
        assertEquals(ExitCode.INTERNAL, r.code(), r.err());
        assertOneLineWithoutTrace(r);
        assertTrue(r.err().startsWith("alara-audit: internal error: java.lang.IllegalArgumentException"), r.err());
    }

    @Test
    void anExplicitUsageErrorIsExit2WithItsMessageAndWhereTheHelpIs() {
        CliTest.Run r = fail(new ErrorReport.UsageException("--to 2026-09 is before --from 2026-10"));
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertEquals("alara-audit: --to 2026-09 is before --from 2026-10\nTry 'alara-audit fail --help'.", r.err().strip());
    }

    @Test
    void picocliParameterErrorsAreExit2() {
        assertEquals(ExitCode.USAGE, CliTest.run("audit", "x.csv", "--no-such-option").code());
        assertEquals(ExitCode.USAGE, CliTest.run("audit", "x.csv", "--fail-on", "catastrophic").code());
        assertEquals(ExitCode.USAGE, CliTest.run("rules").code(), "a subcommand is required");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsAUsageError() {
        Path log = new AuditFixture().row().write(dir, "log.csv");
        CliTest.Run r = CliTest.run("audit", log.toString(), "--from", "2026-10-31", "--to", "2026-10-01", "--no-history",
                "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertEquals("alara-audit: the period ends (2026-10-01) before it starts (2026-10-31)\nTry 'alara-audit audit --help'.",
                r.err().strip());
        assertFalse(Files.exists(dir.resolve("out")), "nothing is written for a usage error");
    }

    @Test
    void ioFailuresAndHistoryStoreFailuresAreExit5() {
        assertEquals(ExitCode.OUTPUT_FAILED, fail(new IOException("Read-only file system")).code());
        assertEquals(ExitCode.OUTPUT_FAILED, fail(new UncheckedIOException(new IOException("Input/output error"))).code());
        CliTest.Run store = fail(new HistoryException("cannot write the run", new SQLException("disk full")));
        assertEquals(ExitCode.OUTPUT_FAILED, store.code(), store.err());
        assertTrue(store.err().startsWith("alara-audit: history store: cannot write the run"), store.err());
    }
}

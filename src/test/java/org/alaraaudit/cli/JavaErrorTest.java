package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.alaraaudit.AuditFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Java errors (out of memory, a stack overflow) end like every other failure: one line, the documented code, no
 * stack trace. Left to the JVM they print a stack trace and exit 1, which a scheduler reads as "findings at
 * --fail-on".
 */
class JavaErrorTest {
    @TempDir
    Path dir;

    /** A command that fails as told, for what no real input can make happen on demand. */
    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        private final Throwable failure;

        Fail(Throwable failure) { this.failure = failure; }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error e) throw e;
            throw (Exception) failure;
        }
    }

    private static CliTest.Run fail(Throwable t) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new Fail(t));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("fail");
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    private static void assertOneLine(CliTest.Run r) {
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void runningOutOfMemoryEndsInOneLineThatSuggestsALargerHeap() {
        CliTest.Run r = fail(new OutOfMemoryError("Java heap space"));
        assertEquals(ExitCode.INTERNAL, r.code(), r.err());
        assertOneLine(r);
        assertTrue(r.err().startsWith("alara-audit: out of memory: the Java heap of ") && r.err().contains("java -Xmx"), r.err());
    }

    @Test
    void aStackOverflowOutsideTheRulesIsAnInternalError() {
        CliTest.Run r = fail(new StackOverflowError());
        assertEquals(ExitCode.INTERNAL, r.code(), r.err());
        assertOneLine(r);
        assertTrue(r.err().startsWith("alara-audit: internal error: java.lang.StackOverflowError"), r.err());
    }

    @Test
    void aFailureWhileReportingAFailureStillEndsWithTheInternalErrorCode() {
        CliTest.Run r = fail(new IllegalStateException() {
            @Override
            public String getMessage() { throw new IllegalStateException("the message itself fails"); }
        });
        assertEquals(ExitCode.INTERNAL, r.code(), r.err());
        assertOneLine(r);
    }

    @Test
    void theSuggestedHeapIsLargerThanTheOneThatRanOut() {
        assertTrue(ErrorReport.outOfMemory(256L << 20).contains("heap of 256 MB") && ErrorReport.outOfMemory(256L << 20).contains("-Xmx1g"));
        assertTrue(ErrorReport.outOfMemory(4096L << 20).contains("-Xmx8g"), ErrorReport.outOfMemory(4096L << 20));
    }

    /** The whole way out, through main and System.exit, in a JVM with far too little heap for the rules. */
    @Test
    void aJvmThatRunsOutOfMemoryExitsWithTheInternalErrorCodeNotTheFindingsCode() throws Exception {
        Path log = new AuditFixture().row("accession_number", "A1").write(dir, "log.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx12m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "audit", log.toString(), "--no-history", "--no-progress", "--fail-on", "INFO",
                "--out", dir.resolve("out").toString()))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the JVM ends");
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertEquals(ExitCode.INTERNAL, p.exitValue(), err);
        assertTrue(err.contains("alara-audit: out of memory") && err.contains("-Xmx"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void aTemplateLogoThatNeverEndsIsUnusableInput() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");
        Path template = Files.createDirectories(dir.resolve("site"));
        Files.writeString(template.resolve("template.properties"), "title=Audit\nsections=cover\nlogo=/dev/zero\n");
        Path log = new AuditFixture().row("accession_number", "A1").write(dir, "log.csv");
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("audit", log.toString(), "--template", template.toString(), "--no-history", "--out", out.toString());
        assertEquals(ExitCode.INPUT_UNUSABLE, r.code(), r.err());
        assertOneLine(r);
        assertTrue(r.err().startsWith("alara-audit: input unusable: ") && r.err().contains("'logo'") && r.err().contains("/dev/zero"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}

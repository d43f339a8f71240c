package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShortRunTest {
    @TempDir
    Path dir;

    @Test
    void aSmallScanLogMakesAShortAudit() throws IOException {
        Path log = Files.writeString(dir.resolve("scan-log.csv"), "a,b\n1,2\n");
        assertEquals(8, ShortRun.bytesUpTo(List.of(log), ShortRun.SHORT_AUDIT_BYTES));
    }

    @Test
    void filesThatTogetherPassTheLimitAreNoShortAudit() throws IOException {
        long each = ShortRun.SHORT_AUDIT_BYTES / 2 + 1;
        Path a = sized("a.csv", each);
        Path b = sized("b.csv", each);
        assertTrue(ShortRun.bytesUpTo(List.of(a), ShortRun.SHORT_AUDIT_BYTES) <= ShortRun.SHORT_AUDIT_BYTES);
        assertTrue(ShortRun.bytesUpTo(List.of(a, b), ShortRun.SHORT_AUDIT_BYTES) > ShortRun.SHORT_AUDIT_BYTES);
    }

    @Test
    void aFolderCountsEveryFileInsideIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("logs/2026"));
        Files.writeString(folder.resolve("august.csv"), "12345");
        Files.writeString(dir.resolve("logs/september.csv"), "123");
        assertEquals(8, ShortRun.bytesUpTo(List.of(dir.resolve("logs")), 100));
    }

    @Test
    void aWorkbookCountsTwiceItsBytesForItsRowsAreDenserThanCsv() throws IOException {
        Path log = sized("scan-log.XLSX", ShortRun.SHORT_AUDIT_BYTES / 2 + 1);
        assertTrue(ShortRun.bytesUpTo(List.of(log), ShortRun.SHORT_AUDIT_BYTES) > ShortRun.SHORT_AUDIT_BYTES);
        assertEquals(10, ShortRun.csvBytes(Path.of("scan-log.csv"), 10));
    }

    @Test
    void anInputThatCannotBeReadIsNeverAShortAudit() {
        assertEquals(Long.MAX_VALUE, ShortRun.bytesUpTo(List.of(dir.resolve("missing.csv")), ShortRun.SHORT_AUDIT_BYTES));
    }

    @Test
    void aShortAuditLeavesC2OutAYearOfANetworkLeavesItOutOfTheAuditsOwnCodeAndALongerAuditKeepsIt() {
        assertEquals(ShortRun.EXCLUDE_C2, ShortRun.directiveFor(0));
        assertEquals(ShortRun.EXCLUDE_C2, ShortRun.directiveFor(ShortRun.SHORT_AUDIT_BYTES));
        assertEquals(ShortRun.EXCLUDE_C2_FROM_AUDIT_CODE, ShortRun.directiveFor(ShortRun.SHORT_AUDIT_BYTES + 1));
        assertEquals(ShortRun.EXCLUDE_C2_FROM_AUDIT_CODE, ShortRun.directiveFor(ShortRun.MID_AUDIT_BYTES));
        assertEquals(null, ShortRun.directiveFor(ShortRun.MID_AUDIT_BYTES + 1));
        assertEquals(null, ShortRun.directiveFor(Long.MAX_VALUE), "an input whose size is unknown");
    }

    @Test
    void aJvmStartedFromTheJarTakesTheDirectiveForAYearOfANetworkWithItsExceptionForTheReports() throws Exception {
        assertEquals("true", child(List.of("--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED"), "mid"));
    }

    @Test
    void aJvmStartedFromTheJarTakesTheDirective() throws Exception {
        // As the jar's manifest opens the package: the JDK's own handle on the diagnostic commands.
        assertEquals("true", child(List.of("--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED")));
    }

    @Test
    void aJvmStartedWithTheClassPathTakesItThroughThePlatformMBeanServer() throws Exception {
        assertEquals("true", child(List.of()));
    }

    @Test
    void aCommandRunInsideAnotherProgramLeavesItsJitAlone() throws IOException {
        // Tests run commands through Main.run in the test JVM: its compilers must stay as they are.
        Path log = Files.writeString(dir.resolve("scan-log.csv"), "a\n");
        ShortRun.audit(List.of(log));
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("alara-audit short run")));
    }

    private Path sized(String name, long bytes) throws IOException {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return p;
    }

    /**
     * What {@link ShortRun#withoutC2()} answers in a JVM of its own (it would change this one's JIT), or with
     * {@code args} "mid" what adding the directive for a year of a network answers.
     */
    private static String child(List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    static final class Child {
        public static void main(String[] args) {
            System.out.println(args.length > 0 ? ShortRun.add(ShortRun.EXCLUDE_C2_FROM_AUDIT_CODE) : ShortRun.withoutC2());
        }
    }
}

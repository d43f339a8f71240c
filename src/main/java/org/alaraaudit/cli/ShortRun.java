package org.alaraaudit.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import javax.management.DynamicMBean;
import javax.management.ObjectName;

/**
 * A short audit runs without C2, the JIT's optimizing compiler. On two cores a short audit is bound by CPU from
 * start to end, and C2 took over a third of it (a 200-row audit to the four reports: 2.4 of 6.5 s of CPU, compiling
 * ~600 methods whose code the run then barely used); its optimized code pays for itself only in runs of minutes.
 * C1 still compiles every warm method. Users run {@code java -jar} without JVM options, so the process tells its own
 * JIT, through the JDK's {@code Compiler.directives_add} diagnostic command, to leave C2 out ({@code Exclude}),
 * and the JVM then compiles the hot methods with C1 alone, as with {@code -XX:TieredStopAtLevel=1}.
 *
 * <p>Only a process of its own does this ({@link Main#main}, never {@link Main#run} inside tests or another
 * program), and only when the inputs are small: the directive lasts as long as the process. Nothing in what a run
 * finds or writes depends on it; when the JDK refuses, the run goes on as before.
 */
final class ShortRun {
    /**
     * Inputs up to this many bytes (about 100,000 events of canonical CSV) make a short audit. Measured on the two
     * shared cores with the four default reports, with C2 and without: 200 rows 4.2 against 2.9 s, 10,000 rows 9.1
     * against 4.4 s, 40,000 rows (12 MB) 14.6 against 9.6 s, 100,000 rows (29 MB) 28.6 against 18.7 s (to csv and
     * json 11.2 against 8.7 s). A million rows (294 MB) to csv and json take 41 s with C2 and 113 s without: there
     * C2's code is what the run lives on, so the limit stays near the largest size measured to gain.
     */
    static final long SHORT_AUDIT_BYTES = 32L << 20;

    private static final String EXCLUDE_C2 = "[{match: \"*.*\", c2: {Exclude: true}}]";

    /** Set by {@link Main#main}: this JVM runs one command and ends. */
    private static volatile boolean ownProcess;

    private ShortRun() {}

    static void ownProcess() { ownProcess = true; }

    /**
     * For an audit of {@code inputs}: when they are small and this is a process of its own, leaves C2 out, on a
     * thread of its own (listing folders and the diagnostic command take some 0.05 s the audit need not wait for).
     */
    static void audit(List<Path> inputs) {
        if (inputs.isEmpty()) return;
        start(() -> {
            if (bytesUpTo(inputs, SHORT_AUDIT_BYTES) <= SHORT_AUDIT_BYTES) withoutC2();
        });
    }

    /** For {@code rules list} and {@code rules validate}: loading and checking a rules folder is short whatever it holds. */
    static void rules() {
        start(ShortRun::withoutC2);
    }

    private static void start(Runnable r) {
        if (!ownProcess) return;
        Thread t = new Thread(r, "alara-audit short run");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The bytes of the files {@code inputs} name (folders walked; workbooks as {@link #csvBytes}), counted until more than {@code limit}; a path
     * that cannot be read counts as more, so an input whose size is unknown never makes a run short.
     */
    static long bytesUpTo(List<Path> inputs, long limit) {
        long[] total = {0};
        try {
            for (Path p : inputs) {
                Files.walkFileTree(p, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) total[0] += csvBytes(file, attrs.size());
                        return total[0] > limit ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        total[0] = Long.MAX_VALUE;
                        return FileVisitResult.TERMINATE;
                    }
                });
                if (total[0] > limit) break;
            }
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
        return total[0];
    }

    /**
     * About the bytes a file's rows would take as canonical CSV: a workbook holds the same rows in some 0.6 of the
     * bytes (POI writing 2,481 generated rows: 0.42-0.48 MB against 0.73 MB of CSV), and a cell costs more to read
     * from it, so its bytes count twice.
     */
    static long csvBytes(Path file, long size) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? 2 * size : size;
    }

    /** Adds the directive that leaves C2 out; true when the JVM took it. Never throws: without it the run is only slower. */
    static boolean withoutC2() {
        try {
            Path directive = Files.createTempFile("alara-audit-jit", ".json");
            // A usage error can end the process while this thread is here: the file goes with it.
            directive.toFile().deleteOnExit();
            try {
                Files.writeString(directive, EXCLUDE_C2);
                Object[] args = {new String[]{directive.toString()}};
                String[] signature = {String[].class.getName()};
                Object answer = diagnosticCommands(args, signature);
                return answer != null && answer.toString().startsWith("1 ");
            } finally {
                Files.deleteIfExists(directive);
            }
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /**
     * Runs {@code compilerDirectivesAdd}. The JDK's own handle on the diagnostic commands, opened to the jar by its
     * manifest ({@code Add-Opens}), costs about 0.05 s; the platform MBean server, the public way used when the
     * package is not opened (the tool run with {@code -cp}), about 0.2 s.
     */
    private static Object diagnosticCommands(Object[] args, String[] signature) throws Exception {
        DynamicMBean commands;
        try {
            // Its static initializer loads the native library the commands are answered by.
            Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl");
            Method m = Class.forName("com.sun.management.internal.DiagnosticCommandImpl").getDeclaredMethod("getDiagnosticCommandMBean");
            m.setAccessible(true);
            commands = (DynamicMBean) m.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesAdd", args, signature);
        }
        return commands.invoke("compilerDirectivesAdd", args, signature);
    }
}

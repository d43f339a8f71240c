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
 * How much of C2, the JIT's optimizing compiler, a run uses, by its length. On two cores an audit is bound by CPU
 * from start to end, and C2 competes with it for the cores; its optimized code pays for itself only in runs of
 * minutes. Users run {@code java -jar} without JVM options, so the process tells its own JIT, through the JDK's
 * {@code Compiler.directives_add} diagnostic command, which methods C2 leaves out ({@code Exclude}); C1 then compiles
 * them alone, as with {@code -XX:TieredStopAtLevel=1}.
 * <ul>
 * <li>A <b>short run</b> ({@code rules list}, {@code rules validate}, an audit of up to {@link #SHORT_AUDIT_BYTES})
 * leaves C2 out altogether: C2 took over a third of a 200-row audit (2.4 of 6.5 s of CPU, compiling ~600 methods
 * whose code the run then barely used).</li>
 * <li>An audit of <b>a month to a year of a network</b> (up to {@link #MID_AUDIT_BYTES}) leaves C2 out of the
 * audit's own code and Drools (with the condition evaluators Drools generates), where it compiled some 1,600 methods,
 * most with deep inlining, for 11-16 s of a core's CPU during a 20 s audit of a million events; the JDK's code, the
 * CSV parser and the report libraries (and the tool's report code, a thin layer over them) keep it.</li>
 * <li>Longer audits keep C2 everywhere: there its code is what the run lives on.</li>
 * </ul>
 *
 * <p>Only a process of its own does this ({@link Main#main}, never {@link Main#run} inside tests or another
 * program): the directive lasts as long as the process. Nothing in what a run finds or writes depends on it; when
 * the JDK refuses, the run goes on as before.
 */
public final class ShortRun {
    /**
     * Inputs up to this many bytes (about 100,000 events of canonical CSV) make a short audit. Measured on the two
     * shared cores with the four default reports, with C2 and without: 200 rows 4.2 against 2.9 s, 10,000 rows 9.1
     * against 4.4 s, 40,000 rows (12 MB) 14.6 against 9.6 s, 100,000 rows (29 MB) 28.6 against 18.7 s (to csv and
     * json 11.2 against 8.7 s). Beyond it only the audit's own code leaves C2 out ({@link #MID_AUDIT_BYTES}): at a
     * million events leaving it out altogether took 24.2 s against 19.5-19.9 s, and the libraries, POI writing the
     * workbook above all, run long enough in a longer audit to be worth C2's code.
     */
    static final long SHORT_AUDIT_BYTES = 32L << 20;

    /**
     * Inputs up to this many bytes (about 1.8 million events of canonical CSV) leave C2 out of the audit's own code
     * and Drools. Measured to csv and json (docs/benchmarks.md, third pass), with C2 everywhere and without it there:
     * 300,000 events (88 MB) 11.6-14.2 against 10.2-11.2 s, a million (294 MB) 22.5-25.5 against 19.5-19.9 s, three
     * million (882 MB) 55.3 against 55.4 s, ten million 156 against 194 s. With the four reports a million took
     * 63.7 s with C2 everywhere and 65.6 s with the report code left out too, so the report code keeps it. The limit
     * stays well below where the two meet.
     */
    static final long MID_AUDIT_BYTES = 512L << 20;

    /** Compiler directives as the JVM reads them, and how many there are (the JVM answers how many it added). */
    record Directives(String json, int count) {}

    static final Directives EXCLUDE_C2 = new Directives("[{match: \"*.*\", c2: {Exclude: true}}]", 1);
    /**
     * The first directive that matches a method applies: the report code keeps C2 before the rest loses it. Beside
     * the tool, Drools and MVEL, C2 leaves out the condition evaluators Drools generates for the rules' constraints
     * (two of them alone took 1.4 s of C2's time at a million events) and the JDK's class writer, which spins
     * classes while the rules load. Last, the JDK code C2 still compiles does not inline the code left out: C2
     * compiled {@code ArrayList.forEach} with Drools' whole insertion inlined into it, 1.2 s for one method. Three
     * pairs of runs each: 0.87-0.94 times the wall time with the evaluators left out, then 0.87-0.96 with the inlining.
     */
    static final Directives EXCLUDE_C2_FROM_AUDIT_CODE = new Directives("[{match: \"org/alaraaudit/report/*.*\", c2: {Exclude: false}},"
            + " {match: [\"org/alaraaudit/*.*\", \"org/drools/*.*\", \"org/mvel2/*.*\", \"ConditionEvaluator*.*\","
            + " \"jdk/internal/org/*.*\"], c2: {Exclude: true}},"
            + " {match: \"*.*\", c2: {inline: [\"-org/alaraaudit/*.*\", \"-org/drools/*.*\", \"-org/mvel2/*.*\", \"-ConditionEvaluator*.*\"]}}]", 3);

    /** Set by {@link Main#main}: this JVM runs one command and ends. */
    private static volatile boolean ownProcess;

    private ShortRun() {}

    static void ownProcess() { ownProcess = true; }

    /**
     * For an audit of {@code inputs} in a process of its own: the directive for their size ({@link #directiveFor}),
     * added on a thread of its own (listing folders and the diagnostic command take some 0.05 s the audit need not
     * wait for).
     */
    static void audit(List<Path> inputs) {
        if (inputs.isEmpty()) return;
        start(() -> {
            Directives directives = directiveFor(bytesUpTo(inputs, MID_AUDIT_BYTES));
            if (directives != null) add(directives);
        });
    }

    /** The compiler directive for an audit of inputs of about {@code csvBytes}, or null to leave the JIT as it is. */
    static Directives directiveFor(long csvBytes) {
        if (csvBytes <= SHORT_AUDIT_BYTES) return EXCLUDE_C2;
        if (csvBytes <= MID_AUDIT_BYTES) return EXCLUDE_C2_FROM_AUDIT_CODE;
        return null;
    }

    /**
     * The benchmark's way in: the JIT of this process set as {@code audit} would set it for inputs of about
     * {@code csvBytes}, so the benchmark measures the audit a user's run of that file gets. Says what was set.
     */
    public static String asForAnAuditOf(long csvBytes) {
        Directives directives = directiveFor(csvBytes);
        if (directives == null) return "C2 everywhere (as for an audit of more than " + (MID_AUDIT_BYTES >> 20) + " MB)";
        String what = directives == EXCLUDE_C2 ? "C2 left out (as for an audit of up to " + (SHORT_AUDIT_BYTES >> 20) + " MB)"
                : "C2 left out of the audit's own code and Drools (as for an audit of up to " + (MID_AUDIT_BYTES >> 20) + " MB)";
        return add(directives) ? what : "unchanged: the JVM refused the directive for " + what;
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
    static boolean withoutC2() { return add(EXCLUDE_C2); }

    /** Adds {@code directives}; true when the JVM took them all. Never throws: without them the run is only slower. */
    static boolean add(Directives directives) {
        try {
            Path directive = Files.createTempFile("alara-audit-jit", ".json");
            // A usage error can end the process while this thread is here: the file goes with it.
            directive.toFile().deleteOnExit();
            try {
                Files.writeString(directive, directives.json());
                Object[] args = {new String[]{directive.toString()}};
                String[] signature = {String[].class.getName()};
                Object answer = diagnosticCommands(args, signature);
                // "N compiler directives added"
                return answer != null && answer.toString().startsWith(directives.count() + " ");
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

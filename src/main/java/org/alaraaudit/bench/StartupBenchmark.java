package org.alaraaudit.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.sample.GeneratorSettings;
import org.alaraaudit.sample.ScanLogGenerator;

/**
 * Start-up as a user meets it: the wall time of whole {@code java -jar alara-audit.jar} processes, each run
 * {@link #RUNS} times, the median printed beside the fastest and slowest (the machine is shared, so single runs
 * vary), with the median CPU time each process took. Measured: {@code --version} (the JVM and the command line alone), {@code rules list} and
 * {@code rules validate} of the built-in rules, a 200-row audit to all four reports without a history store, and
 * the same audit with a site's own rules folder (compiled on its first run, read from the rule cache after).
 * Run it as {@code java -cp target/alara-audit.jar org.alaraaudit.bench.StartupBenchmark [JAR]}; the audit
 * benchmark runs it first.
 */
public final class StartupBenchmark {
    static final int RUNS = 5;
    /** About 200 rows: the generator writes some 2.4 rows per study. */
    private static final int STUDIES = 82;

    private StartupBenchmark() {}

    public static void main(String[] args) throws IOException {
        run(args.length > 0 ? Path.of(args[0]) : ownJar(), System.out);
    }

    /** The start-up table for {@code jar} (the audit benchmark passes {@link #ownJar()}). */
    public static void run(Path jar, PrintStream out) throws IOException {
        if (jar == null) {
            out.println("start-up: skipped, not run from a jar: build it first (mvn package) and pass target/alara-audit.jar");
            return;
        }
        try {
            measureAll(jar, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("start-up: interrupted");
        }
    }

    /** The jar this class was loaded from, else target/alara-audit.jar when it exists, else null. */
    public static Path ownJar() {
        try {
            Path p = Path.of(StartupBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) return p;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // not from a jar
        }
        Path built = Path.of("target", "alara-audit.jar");
        return Files.isRegularFile(built) ? built : null;
    }

    private static void measureAll(Path jar, PrintStream out) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("alara-startup");
        try {
            Path log = work.resolve("scan-log-200.csv");
            long rows;
            try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                rows = new ScanLogGenerator(new GeneratorSettings(STUDIES, 7, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 10, 31))).write(w);
            }
            Path siteRules = copy(RuleSet.defaultRules(), work.resolve("site-rules"));
            Path home = Files.createDirectories(work.resolve("home"));
            out.printf(Locale.ROOT, "start-up: %s, %d runs each, median [fastest - slowest] wall seconds; load average before: %s%n",
                    jar, RUNS, loadAverage());
            String[] audit = {"audit", log.toString(), "--no-history", "--out", work.resolve("reports").toString()};
            measure(out, jar, home, "--version", "--version");
            measure(out, jar, home, "rules list", "rules", "list");
            measure(out, jar, home, "rules validate", "rules", "validate");
            measure(out, jar, home, "audit, " + rows + " rows, pdf+xlsx+csv+json, --no-history", audit);
            measure(out, jar, home, "audit, " + rows + " rows, csv+json, --no-history", with(audit, "--format", "csv,json"));
            // The first run with a site's folder compiles it and fills the rule cache; the measured runs read it.
            String[] site = {"--rules", siteRules.toString()};
            time(jar, home, with(new String[]{"rules", "validate"}, site));
            measure(out, jar, home, "rules validate --rules SITE (from the rule cache)", with(new String[]{"rules", "validate"}, site));
            measure(out, jar, home, "audit --rules SITE (from the rule cache), pdf+xlsx+csv+json", with(audit, site));
            out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
        } finally {
            delete(work);
        }
    }

    private static void measure(PrintStream out, Path jar, Path home, String label, String... args) throws IOException, InterruptedException {
        double[] seconds = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            double cpuBefore = childrenCpuSeconds();
            seconds[i] = time(jar, home, args);
            cpu[i] = childrenCpuSeconds() - cpuBefore;
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        out.printf(Locale.ROOT, "  %-62s %6.2f s  [%.2f - %.2f]  CPU %s%n", label, seconds[RUNS / 2], seconds[0], seconds[RUNS - 1],
                cpu[RUNS / 2] < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f s", cpu[RUNS / 2]));
    }

    /**
     * User + system CPU of this process's finished children (Linux: /proc/self/stat cutime and cstime), or -1. On a
     * shared machine the wall time grows with the others' load; the CPU a run takes much less, so both are printed.
     */
    private static double childrenCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command name: state is field 3 of the man page, cutime 16 and cstime 17.
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0; // clock ticks: 100 a second on Linux
        } catch (IOException | RuntimeException e) {
            return -1e9;
        }
    }

    private static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /** One process, start to exit; a command that fails stops the benchmark, as a wrong number would mislead. */
    private static double time(Path jar, Path home, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("ALARA_AUDIT_HOME", home.toString());
        long start = System.nanoTime();
        Process p = pb.start();
        int code = p.waitFor();
        double s = (System.nanoTime() - start) / 1e9;
        if (code != 0) throw new IllegalStateException(String.join(" ", args) + ": exit " + code);
        return s;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString().replace(from.getFileSystem().getSeparator(), File.separator));
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

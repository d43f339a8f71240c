package org.alaraaudit.bench;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditProgress;
import org.alaraaudit.audit.AuditRequest;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;
import org.alaraaudit.cli.ShortRun;
import org.alaraaudit.report.pdf.ReportTemplate;
import org.alaraaudit.report.set.ReportSet;
import org.alaraaudit.report.set.ReportSet.Format;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.sample.GeneratorSettings;
import org.alaraaudit.sample.ScanLogGenerator;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.Pseudonymiser;
import org.alaraaudit.scanlog.RowValidator;
import org.alaraaudit.scanlog.ScanLogInput;
import org.alaraaudit.scanlog.SpillFolder;

/**
 * Measures the audit at growing sizes and prints seconds, events per second and peak heap for each step:
 * reading and validating alone, the full audit to findings.csv/json, the workbook and the PDF. Run it as
 * {@code java -Xmx1g -cp target/alara-audit.jar org.alaraaudit.bench.AuditBenchmark 10000 100000 1000000}.
 * Numbers, not assertions: speed is judged by a person reading them, never by a timed test.
 */
public final class AuditBenchmark {
    private static final double EVENTS_PER_STUDY = 2.5;
    /** The generator's logs take about 295 bytes an event (a million: 294 MB). */
    private static final long BYTES_PER_EVENT = 295;
    private static final byte[] SECRET = "benchmark".getBytes(StandardCharsets.UTF_8);

    /**
     * {@code jitSeconds}: the JIT compilers' time in the step (their threads' CPU is part of {@code cpuSeconds}:
     * code compiled once per process, which a longer input spreads thinner); {@code gcSeconds}: the collectors'.
     */
    private record Step(String name, double seconds, double cpuSeconds, long peakHeapBytes, long liveHeapBytes, double load,
                        double jitSeconds, double gcSeconds) {}

    /**
     * The heap each collection leaves, summed over the heap pools, as the largest seen in a step: what the step
     * retains. The pools' own peak counters peak at different times and can add up to more than the heap.
     */
    private static final class HeapAfterGc {
        private static final java.util.Set<String> HEAP_POOLS = new java.util.HashSet<>();
        private static volatile long maxLive;
        private static volatile long maxUsed;

        static void install() {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) HEAP_POOLS.add(p.getName());
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                    if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData()).getGcInfo();
                    long after = 0;
                    long before = 0;
                    for (String pool : HEAP_POOLS) {
                        var a = info.getMemoryUsageAfterGc().get(pool);
                        var b = info.getMemoryUsageBeforeGc().get(pool);
                        if (a != null) after += a.getUsed();
                        if (b != null) before += b.getUsed();
                    }
                    synchronized (HeapAfterGc.class) {
                        maxLive = Math.max(maxLive, after);
                        maxUsed = Math.max(maxUsed, before);
                    }
                }, null, null);
            }
        }

        static synchronized void reset() {
            maxLive = 0;
            maxUsed = 0;
        }
    }

    private AuditBenchmark() {}

    public static void main(String[] args) throws IOException {
        List<Long> sizes = new ArrayList<>();
        boolean reports = true;
        boolean startup = true;
        for (String a : args) {
            if (a.equals("--no-reports")) reports = false;
            else if (a.equals("--no-startup")) startup = false;
            else sizes.add(Long.parseLong(a.replace("_", "")));
        }
        if (sizes.isEmpty()) sizes = List.of(10_000L, 100_000L, 1_000_000L);
        Path work = SpillFolder.create("bench");
        System.out.printf(Locale.ROOT, "alara-audit benchmark: Java %s, %d cores, max heap %d MB, %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"));
        if (startup) StartupBenchmark.run(StartupBenchmark.ownJar(), System.out);
        // The JIT as the audit command sets it for a file of the largest size (cli.ShortRun): the figures are then a
        // user's run of that file. Set before the audit's code first runs here (the start-up table's processes are
        // their own); it holds for every step, the warm-up and every smaller size of this process too.
        long largest = sizes.stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf(Locale.ROOT, "JIT: %s, for %,d events (about %d MB of CSV)%n",
                ShortRun.asForAnAuditOf(largest * BYTES_PER_EVENT), largest, largest * BYTES_PER_EVENT >> 20);
        RuleSet rules = RuleSet.load(null);
        ReportTemplate template = ReportTemplate.load("default");
        HeapAfterGc.install();
        System.out.printf(Locale.ROOT, "%-10s %-28s %9s %9s %12s %14s %12s %12s %6s %6s %6s%n", "events", "step", "seconds", "cpu s",
                "events/s", "us per event", "peak heap MB", "live max MB", "load", "jit s", "gc s");
        if (!DuckDbAnchor.available()) {
            System.out.println("(DuckDB's JDBC driver is not on the class path: no anchor; see docs/benchmarks.md)");
        }
        // Warm-up: a throwaway run so the JIT and the rule base are warm before anything is timed; 40k events make
        // a file of ~12 MB, above the size read on two threads, so that path is warm too.
        runSize(rules, template, work, 40_000L, reports, false);
        for (long target : sizes) runSize(rules, template, work, target, reports, true);
        SpillFolder.delete(work);
    }

    private static void runSize(RuleSet rules, ReportTemplate template, Path work, long target, boolean reports, boolean print)
            throws IOException {
        {
            Path log = work.resolve("log-" + target + ".csv");
            long events = generate(log, target);
            List<Step> steps = new ArrayList<>();
            steps.add(measure("read + validate", () -> readOnly(rules, log)));
            AuditResult[] result = new AuditResult[1];
            Path out = Files.createDirectories(work.resolve("out-" + target));
            Phases phases = new Phases();
            steps.add(measure("full audit to csv + json", () -> {
                phases.start = System.nanoTime();
                result[0] = audit(rules, log, phases, false);
                phases.audited = System.nanoTime();
                // As the audit command writes them: side by side.
                new ReportSet(List.of(Format.CSV, Format.JSON), template, null).write(result[0], out);
                phases.written = System.nanoTime();
            }));
            Step duckDb = null;
            List<String> duckDbResults = new ArrayList<>();
            if (DuckDbAnchor.available()) {
                // The same file, after our steps, in the same process: side by side under the same load.
                duckDb = measure("DuckDB SQL core, " + DuckDbAnchor.THREADS + " threads", () -> duckDbResults.addAll(DuckDbAnchor.run(log)));
                steps.add(duckDb);
            }
            if (reports) {
                // The audit the workbook comes from keeps a row of every event for its event sheet, as the audit
                // command's does when a workbook is asked for; it is run again for it, untimed.
                result[0] = null;
                result[0] = audit(rules, log, AuditProgress.NONE, true);
                steps.add(measure("workbook (xlsx)", () -> new ReportSet(List.of(Format.XLSX), template, null).write(result[0], out)));
                steps.add(measure("PDF", () -> new ReportSet(List.of(Format.PDF), template, null).write(result[0], out)));
            }
            if (!print) {
                result[0] = null;
                SpillFolder.delete(out);
                Files.deleteIfExists(log);
                return;
            }
            for (Step s : steps) {
                System.out.printf(Locale.ROOT, "%-10d %-28s %9.2f %9.2f %12.0f %14.2f %12d %12d %6.2f %6.2f %6.2f%n", events, s.name(), s.seconds(),
                        s.cpuSeconds(), events / s.seconds(), s.seconds() * 1e6 / events, s.peakHeapBytes() >> 20, s.liveHeapBytes() >> 20,
                        s.load(), s.jitSeconds(), s.gcSeconds());
            }
            System.out.printf(Locale.ROOT, "%-10d %-28s %9.2f %9.2f%n", events, "ratio full / read", steps.get(1).seconds() / steps.get(0).seconds(),
                    steps.get(1).cpuSeconds() / steps.get(0).cpuSeconds());
            System.out.printf(Locale.ROOT, "%-10d %-28s %s%n", events, "  full audit, by phase", phases);
            if (duckDb != null) {
                System.out.printf(Locale.ROOT, "%-10d %-28s %9.2f %9.2f   (wall, cpu; goal: full / DuckDB at most 2)%n", events, "ratio full / DuckDB",
                        steps.get(1).seconds() / duckDb.seconds(), steps.get(1).cpuSeconds() / duckDb.cpuSeconds());
                System.out.printf(Locale.ROOT, "%-10d %-28s %9.2f %9.2f%n", events, "ratio read / DuckDB",
                        steps.get(0).seconds() / duckDb.seconds(), steps.get(0).cpuSeconds() / duckDb.cpuSeconds());
                System.out.printf(Locale.ROOT, "%-10d   DuckDB found: %s%n", events, String.join("; ", duckDbResults));
            }
            System.out.printf(Locale.ROOT, "%-10d findings %d, studies %d%n", events, result[0].findings().size(), result[0].figures().studies());
            result[0] = null;
            SpillFolder.delete(out);
            Files.deleteIfExists(log);
        }
    }

    private interface Body {
        void run() throws IOException;
    }

    private static Step measure(String name, Body body) throws IOException {
        System.gc();
        HeapAfterGc.reset();
        // CPU time of the whole process (all threads, GC included) beside the wall time: on a shared machine the
        // wall time grows with other load, the CPU time much less.
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        long cpuStart = os.getProcessCpuTime();
        long jitStart = jitMillis();
        long gcStart = gcMillis();
        long start = System.nanoTime();
        body.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double jit = (jitMillis() - jitStart) / 1e3;
        double gc = (gcMillis() - gcStart) / 1e3;
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        // Peak: the most the heap held just before a collection (or at the end); live: the most a collection left.
        // The one-minute load average as the step began: the other work on the machine beside the wall time.
        return new Step(name, seconds, cpu, Math.max(HeapAfterGc.maxUsed, used), HeapAfterGc.maxLive, load, jit, gc);
    }

    /** The JIT compilers' accumulated time, summed over their threads. */
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** The collectors' accumulated time (for G1: its pauses and concurrent cycles). */
    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) total += Math.max(0, gc.getCollectionTime());
        return total;
    }

    /** One synthetic log with about the requested number of events, spread over a year. */
    private static long generate(Path log, long events) throws IOException {
        int studies = (int) Math.max(1, Math.round(events / EVENTS_PER_STUDY));
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            return new ScanLogGenerator(new GeneratorSettings(studies, 42, LocalDate.of(2025, 11, 1), LocalDate.of(2026, 10, 31))).write(w);
        }
    }

    private static void readOnly(RuleSet rules, Path log) {
        List<DataWarning> warnings = new ArrayList<>();
        RowValidator validator = new RowValidator(new Pseudonymiser(SECRET), LocalDateTime.of(2026, 11, 2, 7, 0),
                rules.tables().policy().getUnusualCtdivolMgy(), warnings::add);
        long[] n = new long[1];
        new ScanLogInput(List.of(log), validator, rules.tables().exclusions(), warnings, org.alaraaudit.scanlog.ScanLogOptions.DEFAULTS).read((row, ordinal) -> n[0]++, rows -> { });
    }

    /** When the full audit passed from one phase to the next, from its progress reports. */
    private static final class Phases implements AuditProgress {
        long start;
        long lastRead;
        long firstPatient;
        long lastPatient;
        long audited;
        long written;

        @Override
        public void rowsRead(long rows) { lastRead = System.nanoTime(); }

        @Override
        public void patientsAudited(long patients, long studies) {
            long now = System.nanoTime();
            if (firstPatient == 0) firstPatient = now;
            lastPatient = now;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "read+group %.2f s, patients %.2f s, period+figures %.2f s, write %.2f s",
                    (lastRead - start) / 1e9, (lastPatient - lastRead) / 1e9, (audited - lastPatient) / 1e9,
                    (written - audited) / 1e9);
        }
    }

    /** As the audit command runs it; {@code eventRows} when a workbook is to be written from the result. */
    private static AuditResult audit(RuleSet rules, Path log, AuditProgress progress, boolean eventRows) {
        AuditRequest req = new AuditRequest(List.of(log), AuditPeriod.WHOLE_INPUT, null, null, "Benchmark Hospital",
                Instant.parse("2026-11-02T07:00:00Z"), ZoneOffset.UTC, SECRET, 250_000).withEventRows(eventRows);
        return new AuditRun(rules, "bench", org.alaraaudit.audit.DoseHistory.NONE).run(req, progress);
    }
}

package org.alaraaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The single-machine audit against the Spark audit in local mode on the same files: each run in a JVM of its own
 * under {@code /usr/bin/time} (wall, CPU, peak resident memory), Spark's with its event log on, from which the
 * stages' task time, shuffle bytes and spills are summed; then the two findings.json are compared as the
 * integration test compares them (all but the run's time and where the rules were loaded from).
 *
 * <pre>
 * java -cp target/classes:$(cat target/benchmark.classpath) org.alaraaudit.spark.SparkBenchmark \
 *     --input months --period 2026-10 --work /tmp/bench [--jar target/alara-audit.jar] [--xmx 4g] [--master local[2]]
 *     [--report-only true]
 * </pre>
 *
 * {@code --report-only true} reports the runs already in {@code --work} again, without running them.
 *
 * The Spark run gets this JVM's classpath (Spark included) with the jar in place of a classes folder, as
 * spark-submit would run it, so both runs report the jar's version; the single-machine run uses the jar alone. The site secret comes from ALARA_AUDIT_SECRET, which both runs inherit.
 */
public final class SparkBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SparkBenchmark() {}

    /** Wall, user and system seconds, peak resident kB, as GNU time reports them. */
    record Usage(double wall, double user, double system, long peakKb) {
        double cpu() { return user + system; }
    }

    /** One stage of the Spark run, summed over its tasks. */
    record Stage(int id, String name, int tasks, double wallS, double taskS, double cpuS, long shuffleWrite,
                 long shuffleWriteRecords, long shuffleRead, long shuffleReadRecords, long diskSpilled) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i], args[i + 1]);
        Path input = Path.of(required(a, "--input")).toAbsolutePath();
        String period = required(a, "--period");
        Path work = Path.of(required(a, "--work")).toAbsolutePath();
        Path jar = Path.of(a.getOrDefault("--jar", "target/alara-audit.jar")).toAbsolutePath();
        String xmx = a.getOrDefault("--xmx", "4g");
        String master = a.getOrDefault("--master", "local[2]");
        boolean reportOnly = Boolean.parseBoolean(a.getOrDefault("--report-only", "false"));
        if (Files.exists(work) && !reportOnly) throw new IllegalArgumentException("--work " + work + ": exists; give a new folder");
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "input %s (%d files, %.0f MB), period %s, load average before: %s%n", input,
                csvFiles(input).size(), csvFiles(input).stream().mapToLong(SparkBenchmark::size).sum() / 1e6, period, loadAverage());

        Path single = work.resolve("single");
        Path home = Files.createDirectories(work.resolve("home"));
        Usage one = timed(work.resolve("single.time"), work.resolve("single.log"), Map.of("ALARA_AUDIT_HOME", home.toString()),
                List.of("java", "-Xmx" + xmx, "-jar", jar.toString(), "audit", input.toString(), "--period", period,
                        "--format", "json", "--no-history", "--no-progress", "--out", single.toString()), reportOnly);
        System.out.println("load average after the single-machine run: " + loadAverage());

        Path sparkOut = work.resolve("spark");
        Path events = Files.createDirectories(work.resolve("spark-events"));
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + xmx));
        command.addAll(List.of(opens()));
        command.addAll(List.of("-Dspark.eventLog.enabled=true", "-Dspark.eventLog.dir=" + events.toUri(),
                "-Dspark.eventLog.compress=false", "-Dspark.ui.enabled=false",
                "-cp", withJar(System.getProperty("java.class.path"), jar), SparkAudit.class.getName(),
                "--master", master, "--input", input.toString(), "--format", "csv", "--period", period, "--out", sparkOut.toString()));
        if (a.containsKey("--partitions")) command.addAll(List.of("--partitions", a.get("--partitions")));
        Usage spark = timed(work.resolve("spark.time"), work.resolve("spark.log"), Map.of(), command, reportOnly);
        System.out.println("load average after the Spark run: " + loadAverage());

        System.out.printf(Locale.ROOT, "%n| | one machine (`audit`, json only) | Spark `%s` |%n|---|---|---|%n", master);
        System.out.printf(Locale.ROOT, "| wall time | %s | %s |%n", minutes(one.wall()), minutes(spark.wall()));
        System.out.printf(Locale.ROOT, "| CPU time (user + system) | %.0f s | %.0f s |%n", one.cpu(), spark.cpu());
        System.out.printf(Locale.ROOT, "| peak resident memory | %.1f GB | %.1f GB |%n", one.peakKb() / 1e6, spark.peakKb() / 1e6);

        List<Stage> stages = new ArrayList<>();
        long[] app = stages(eventLog(events), stages);
        System.out.printf(Locale.ROOT, "%n| stage | name | tasks | wall s | task time s | CPU s | shuffle write | shuffle read | disk spilled |%n"
                + "|---:|---|---:|---:|---:|---:|---|---|---:|%n");
        for (Stage s : stages) {
            System.out.printf(Locale.ROOT, "| %d | %s | %d | %.1f | %.1f | %.1f | %s | %s | %s |%n", s.id(), s.name(), s.tasks(), s.wallS(),
                    s.taskS(), s.cpuS(), bytes(s.shuffleWrite(), s.shuffleWriteRecords()), bytes(s.shuffleRead(), s.shuffleReadRecords()),
                    s.diskSpilled() == 0 ? "0" : String.format(Locale.ROOT, "%.1f MB", s.diskSpilled() / 1e6));
        }
        double appS = (app[1] - app[0]) / 1000.0;
        double inStages = app[2] / 1000.0;
        System.out.printf(Locale.ROOT, "%nSpark application %.1f s, of which %.1f s with a stage running; the driver alone "
                + "(between and after jobs: merging tallies, sorting findings, writing findings.json) %.1f s (%.0f %%)%n",
                appS, inStages, appS - inStages, 100 * (appS - inStages) / appS);

        ObjectNode expected = comparable(JSON.readTree(findingsJson(single).toFile()));
        ObjectNode actual = comparable(JSON.readTree(sparkOut.resolve("findings.json").toFile()));
        boolean same = expected.equals(actual);
        System.out.printf(Locale.ROOT, "%nfindings.json: %s (%d findings, rows %s)%n", same ? "identical apart from run time and rules location"
                : "DIFFERENT", expected.path("findings").size(), expected.path("rows"));
        if (!same) System.exit(1);
    }

    /** The classpath with the jar for any classes folder (the jar's manifest gives the tool's version). */
    private static String withJar(String classpath, Path jar) {
        List<String> out = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            out.add(Files.isDirectory(Path.of(entry)) ? jar.toString() : entry);
        }
        return String.join(java.io.File.pathSeparator, out.stream().distinct().toList());
    }

    private static String required(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null) throw new IllegalArgumentException(name + " is required");
        return v;
    }

    private static List<Path> csvFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".csv")).toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return l[0] + " " + l[1] + " " + l[2];
        } catch (IOException e) {
            return "(unknown)";
        }
    }

    /** The --add-opens Spark needs on Java 17, as the pom gives the tests (spark.opens). */
    private static String[] opens() {
        List<String> out = new ArrayList<>();
        for (String p : List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio", "java.util",
                "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar")) {
            out.add("--add-opens=java.base/" + p + "=ALL-UNNAMED");
        }
        out.add("-Djdk.reflect.useDirectMethodHandle=false");
        out.add("-Dio.netty.tryReflectionSetAccessible=true");
        return out.toArray(String[]::new);
    }

    private static Usage timed(Path timeFile, Path log, Map<String, String> env, List<String> command, boolean done) throws Exception {
        if (!done) run(timeFile, log, env, command);
        List<String> lines = Files.readAllLines(timeFile);
        String[] t = lines.get(lines.size() - 1).trim().split(" ");
        return new Usage(Double.parseDouble(t[0]), Double.parseDouble(t[1]), Double.parseDouble(t[2]), Long.parseLong(t[3]));
    }

    private static void run(Path timeFile, Path log, Map<String, String> env, List<String> command) throws Exception {
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-o", timeFile.toString(), "-f", "%e %U %S %M"));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        int code = pb.start().waitFor();
        if (code != 0) throw new IllegalStateException(String.join(" ", command) + " exited with " + code + "; see " + log);
    }

    /** The event log's files in order: one file, or (Spark 4's rolling log) a folder of events_N_… files. */
    private static List<Path> eventLog(Path dir) throws IOException {
        Path log;
        try (Stream<Path> s = Files.list(dir)) {
            log = s.findFirst().orElseThrow(() -> new IOException("no Spark event log in " + dir));
        }
        if (!Files.isDirectory(log)) return List.of(log);
        try (Stream<Path> s = Files.list(log)) {
            return s.filter(p -> p.getFileName().toString().startsWith("events_"))
                    .sorted(java.util.Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().split("_")[1])))
                    .toList();
        }
    }

    /**
     * The stages in order of their ids, summed over their tasks; returns the application's start and end and the
     * time some stage was running (the union of the stages' intervals), in ms.
     */
    private static long[] stages(List<Path> logs, List<Stage> out) throws IOException {
        Map<Integer, long[]> sums = new TreeMap<>(); // task ms, cpu ns, write bytes, write records, read bytes, read records, spilled
        Map<Integer, JsonNode> infos = new TreeMap<>();
        Map<Long, String> queries = new TreeMap<>(); // a table write's query: when the driver began planning it
        long start = 0;
        long end = 0;
        for (Path log : logs) try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode e = JSON.readTree(line);
                switch (e.path("Event").asText()) {
                    case "SparkListenerApplicationStart" -> start = e.path("Timestamp").asLong();
                    case "SparkListenerApplicationEnd" -> end = e.path("Timestamp").asLong();
                    case "org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart" ->
                            queries.put(e.path("time").asLong(), e.path("description").asText());
                    case "SparkListenerStageCompleted" -> infos.put(e.path("Stage Info").path("Stage ID").asInt(), e.path("Stage Info"));
                    case "SparkListenerTaskEnd" -> {
                        JsonNode m = e.path("Task Metrics");
                        long[] s = sums.computeIfAbsent(e.path("Stage ID").asInt(), k -> new long[7]);
                        s[0] += m.path("Executor Run Time").asLong();
                        s[1] += m.path("Executor CPU Time").asLong();
                        s[2] += m.path("Shuffle Write Metrics").path("Shuffle Bytes Written").asLong();
                        s[3] += m.path("Shuffle Write Metrics").path("Shuffle Records Written").asLong();
                        JsonNode read = m.path("Shuffle Read Metrics");
                        s[4] += read.path("Remote Bytes Read").asLong() + read.path("Local Bytes Read").asLong();
                        s[5] += read.path("Total Records Read").asLong();
                        s[6] += m.path("Disk Bytes Spilled").asLong();
                    }
                    default -> { }
                }
            }
        }
        List<long[]> intervals = new ArrayList<>();
        for (Map.Entry<Integer, JsonNode> e : infos.entrySet()) {
            JsonNode i = e.getValue();
            long[] s = sums.getOrDefault(e.getKey(), new long[7]);
            long from = i.path("Submission Time").asLong();
            long to = i.path("Completion Time").asLong();
            intervals.add(new long[] {from, to, e.getKey()});
            out.add(new Stage(e.getKey(), i.path("Stage Name").asText(), i.path("Number of Tasks").asInt(), (to - from) / 1000.0,
                    s[0] / 1000.0, s[1] / 1e9, s[2], s[3], s[4], s[5], s[6]));
        }
        intervals.sort((x, y) -> Long.compare(x[0], y[0]));
        long busy = 0;
        long coveredTo = start;
        String before = "start";
        // Where the driver works alone (no stage running) for a second or more: what it does there is its share.
        for (long[] iv : intervals) {
            if (iv[0] - coveredTo >= 1000) {
                System.out.printf(Locale.ROOT, "driver alone %.1f s: after %s, before stage %d (%s)%s%n", (iv[0] - coveredTo) / 1000.0,
                        before, iv[2], infos.get((int) iv[2]).path("Stage Name").asText(), queriesWithin(queries, coveredTo, iv[0]));
            }
            long from = Math.max(iv[0], coveredTo);
            if (iv[1] > from) busy += iv[1] - from;
            if (iv[1] > coveredTo) {
                coveredTo = iv[1];
                before = "stage " + iv[2];
            }
        }
        if (end - coveredTo >= 1000) System.out.printf(Locale.ROOT, "driver alone %.1f s: after %s, to the end%n", (end - coveredTo) / 1000.0, before);
        return new long[] {start, end, busy};
    }

    /** The queries begun within a gap, each with the seconds since the gap began (the rest of the gap is planning). */
    private static String queriesWithin(Map<Long, String> queries, long from, long to) {
        StringBuilder out = new StringBuilder();
        queries.forEach((t, d) -> {
            if (t >= from && t < to) out.append(String.format(Locale.ROOT, "; query \"%s\" begun after %.1f s", d, (t - from) / 1000.0));
        });
        return out.toString();
    }

    private static String minutes(double s) {
        long whole = Math.round(s);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }

    private static String bytes(long b, long records) {
        if (b == 0 && records == 0) return "—";
        return String.format(Locale.ROOT, "%.1f MB, %,d records", b / 1e6, records);
    }

    private static Path findingsJson(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).findFirst()
                    .orElseThrow(() -> new IOException("no findings json in " + out));
        }
    }

    /** All but the run's time and where the rules were loaded from, as SparkAuditIT compares. */
    private static ObjectNode comparable(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        if (copy.path("run") instanceof ObjectNode r) {
            r.remove("rule_set");
            r.remove("generated_at");
        }
        return copy;
    }
}

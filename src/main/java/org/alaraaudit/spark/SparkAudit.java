package org.alaraaudit.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.cli.AlaraAudit;
import org.alaraaudit.report.CitedStatus;
import org.alaraaudit.report.files.FindingsJson;
import org.alaraaudit.report.pdf.ReportTemplate;
import org.alaraaudit.report.set.ReportSet;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.rules.RuleSetException;
import org.alaraaudit.scanlog.DataFolder;
import org.alaraaudit.scanlog.ScanLogException;
import org.alaraaudit.scanlog.ScanLogInput;
import org.alaraaudit.scanlog.SiteSecret;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark entry point: {@code spark-submit --class org.alaraaudit.spark.SparkAudit alara-audit.jar --input PATH
 * --format csv --rules DIR --period YYYY-MM --out PATH}. The site secret comes from ALARA_AUDIT_SECRET or a file
 * ({@code --secret-file}, or the data folder's site-secret), never from the command line, which other users of a
 * cluster can read in the process list and the Spark UI.
 */
@Command(name = "SparkAudit", mixinStandardHelpOptions = true,
        description = "Audits scan logs on Apache Spark with the same rules and findings as 'alara-audit audit'.")
public final class SparkAudit implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "PATH", description = "Scan-log file or folder, visible to every executor.")
    Path input;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|parquet", description = "Input format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule files and tables, visible to every executor (default: the built-in rules).")
    Path rules;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "Audit this calendar month (default: the whole input).")
    String period;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of the period, with --to (a year of a registry).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of the period, with --from.")
    String to;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "Where findings.json and the tables go; must not exist.")
    Path out;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "File holding the site secret, when ALARA_AUDIT_SECRET is not set.")
    Path secretFile;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N", description = "Patient partitions (default: Spark's default parallelism).")
    int partitions;

    @Option(names = "--reports", split = ",", defaultValue = "pdf,xlsx", paramLabel = "FORMAT",
            description = "Reports written on the driver from the run's result by the tool's own writers, beside findings.json:"
                    + " pdf, xlsx, html, or none (default: ${DEFAULT-VALUE}).")
    List<String> reports;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not started by spark-submit, e.g. local[2].")
    String master;

    /** The run's clock, fixed by tests so two audits of the same files can be compared value for value. */
    @Option(names = "--run-time", hidden = true, paramLabel = "INSTANT")
    Instant runTime;

    private final Map<String, String> env;
    private final PrintWriter err;

    SparkAudit(Map<String, String> env, PrintWriter err) {
        this.env = env;
        this.err = err;
    }

    public static void main(String[] args) {
        routeLog4jToSparksLogging();
        System.exit(run(args, System.getenv(), new PrintWriter(System.err, true)));
    }

    /**
     * Under spark-submit both bridges are on the classpath: Spark's slf4j-to-log4j and this jar's log4j-to-slf4j
     * (the command-line tool's). Log4j would pick the latter, which log4j-slf4j2-impl refuses as a loop, so the
     * driver is told to use Spark's log4j-core before anything logs.
     */
    private static void routeLog4jToSparksLogging() {
        if (System.getProperty("log4j2.provider") != null || System.getProperty("log4j.provider") != null) return;
        try {
            Class.forName("org.apache.logging.log4j.core.impl.Log4jProvider", false, SparkAudit.class.getClassLoader());
            System.setProperty("log4j.provider", "org.apache.logging.log4j.core.impl.Log4jProvider");
        } catch (ClassNotFoundException noLog4jCore) {
            // Spark without log4j-core: log4j-to-slf4j is the only way out, and no loop can form.
        }
    }

    /** Runs one audit and returns the exit code the README documents for the command-line tool. */
    static int run(String[] args, Map<String, String> env, PrintWriter err) {
        CommandLine cl = new CommandLine(new SparkAudit(env, err)).setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            err.println("alara-audit: " + ex.getMessage());
            if (ex instanceof ScanLogException || ex instanceof SiteSecret.Unusable) return 3;
            if (ex instanceof RuleSetException) return 4;
            if (ex instanceof IOException || ex instanceof java.io.UncheckedIOException) return 5;
            if (ex instanceof IllegalArgumentException) return 2;
            return 70;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (!format.equals("csv") && !format.equals("parquet")) throw new IllegalArgumentException("--format " + format + ": expected csv or parquet");
        AuditPeriod auditPeriod = parsePeriod();
        Set<ReportSet.Format> reportFormats = reportFormats();
        if (Files.exists(out)) throw new IllegalArgumentException("--out " + out + ": exists; give a new folder, so no run is half-overwritten");
        // Every input problem is told before the cluster starts work (a Parquet path is Spark's to read).
        List<Path> notes = new java.util.ArrayList<>();
        List<String> files = format.equals("csv") ? ScanLogInput.expand(List.of(input), p -> false,
                org.alaraaudit.scanlog.ScanLogOptions.DEFAULTS, notes::add).stream().map(p -> p.toAbsolutePath().toString()).toList() : List.of();
        // As the audit command says it: a folder's README or licence is left out, and named.
        String leftOut = ScanLogInput.notReading(notes, "text file", ScanLogInput.NOTES);
        if (leftOut != null) err.println("alara-audit: " + leftOut);
        // Null stands for the rule base built into the jar, which every executor has too.
        String rulesDir = rules == null ? null : rules.toAbsolutePath().toString();
        RuleSet ruleSet = RuleSet.load(rules == null ? null : Path.of(rulesDir));
        byte[] secret = secret();
        AuditSettings settings = new AuditSettings(rulesDir, auditPeriod.from(), auditPeriod.to(), null, null,
                runTime != null ? runTime : Instant.now(), ZoneId.systemDefault().getId());
        SparkConf conf = new SparkConf().setAppName("alara-audit");
        if (master != null) conf.setMaster(master);
        SparkSession session = SparkSession.builder().config(conf).getOrCreate();
        try {
            JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
            int n = partitions > 0 ? partitions : spark.defaultParallelism();
            ClusterAudit audit = new ClusterAudit(spark, ruleSet, AlaraAudit.version());
            ClusterAudit.Outcome outcome = format.equals("csv")
                    ? audit.runFiles(files, settings, secret, n)
                    : audit.run(ParquetRead.parts(session, input.toString(), settings, spark.broadcast(secret)), settings, secret, n);
            AuditResult result = outcome.result();
            result.requireValidRows();
            result.requireStudiesInPeriod();
            Files.createDirectories(out);
            FindingTables.write(session, outcome.findings(), CitedStatus.of(result), result.rejected(), out);
            // As the default template writes it: the single-machine findings.json this run must agree with.
            FindingsJson.write(result, org.alaraaudit.report.Disclosure.PATIENT_LEVEL, out.resolve("findings.json"));
            // The PDF and workbook a safety officer reads, by the same writers as the audit command, from the same result.
            new ReportSet(reportFormats, ReportTemplate.load(null), null).write(result, out);
            err.println("alara-audit: " + result.rows() + "; " + result.findings().size() + " findings in " + out);
            return 0;
        } finally {
            session.stop();
        }
    }

    /** The reports asked for, checked before the cluster starts work. */
    private Set<ReportSet.Format> reportFormats() {
        Set<ReportSet.Format> out = EnumSet.noneOf(ReportSet.Format.class);
        for (String r : reports) {
            if (r.equalsIgnoreCase("none")) continue;
            ReportSet.Format f = ReportSet.Format.named(r);
            if (f != ReportSet.Format.PDF && f != ReportSet.Format.XLSX && f != ReportSet.Format.HTML) {
                throw new IllegalArgumentException("--reports " + r + ": expected pdf, xlsx, html or none");
            }
            out.add(f);
        }
        return out;
    }

    private AuditPeriod parsePeriod() { return AuditPeriod.parse(period, from, to); }

    private byte[] secret() throws IOException {
        if ((env.get(SiteSecret.ENV) == null || env.get(SiteSecret.ENV).isEmpty()) && secretFile != null) {
            String s = Files.readString(secretFile, StandardCharsets.UTF_8).trim();
            if (s.isEmpty()) throw new ScanLogException("the site secret file " + secretFile + " is empty: restore it, or set " + SiteSecret.ENV);
            return s.getBytes(StandardCharsets.UTF_8);
        }
        return SiteSecret.resolve(env, DataFolder.resolve(env), w -> err.println("alara-audit: warning: " + w));
    }
}

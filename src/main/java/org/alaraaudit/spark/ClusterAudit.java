package org.alaraaudit.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;
import org.alaraaudit.audit.RunInfo;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.FindingCounts;
import org.alaraaudit.audit.aggregate.PeriodEvents;
import org.alaraaudit.audit.aggregate.PeriodTally;
import org.alaraaudit.audit.aggregate.ProjectionTally;
import org.alaraaudit.audit.spill.FindingLog;
import org.alaraaudit.audit.spill.SpillIn;
import org.alaraaudit.rules.Policy;
import org.alaraaudit.rules.RuleEngine;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.InputFile;
import org.alaraaudit.scanlog.IncompleteStudies;
import org.alaraaudit.scanlog.Rejection;
import org.alaraaudit.scanlog.ShiftedIdentifiers;
import org.alaraaudit.scanlog.RowAccounting;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The audit as Spark stages: files are read and validated on executors (one task per file), duplicates are
 * decided across all files, rows are partitioned by pseudonym and each partition runs the patient rules and
 * tallies its patients for the period's aggregates with the single-machine tallies. Spark finds the exact
 * quantiles of every dose sample from the values the partitions send; the driver merges the partitions' small
 * tallies, takes the quantiles in, and the period rules judge the result as on one machine.
 */
final class ClusterAudit {
    /** What the run produced: the result every report is written from, and the partitions for the tables. */
    record Outcome(AuditResult result, JavaRDD<byte[]> findings) {}

    /** The period rules' findings (few: one per DRL group or protocol use), kept for the finding tables. */
    private final List<byte[]> periodFindings = new ArrayList<>();

    private final JavaSparkContext spark;
    private final RuleSet ruleSet;
    private final String toolVersion;

    ClusterAudit(JavaSparkContext spark, RuleSet ruleSet, String toolVersion) {
        this.spark = spark;
        this.ruleSet = ruleSet;
        this.toolVersion = toolVersion;
    }

    /** The CSV files, one task each. */
    Outcome runFiles(List<String> files, AuditSettings settings, byte[] secret, int partitions) {
        Broadcast<byte[]> key = spark.broadcast(secret);
        List<Tuple2<Integer, String>> indexed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) indexed.add(new Tuple2<>(i, files.get(i)));
        return run(spark.parallelize(indexed, Math.max(1, files.size()))
                .flatMap(f -> FileRead.read(f._1(), f._2(), settings, key.value()).iterator()), settings, secret, partitions);
    }

    /**
     * Rows as read by Spark from any source, each partition validated on its executor, then audited; {@code secret}
     * finds the identifiers a file's rejected values share with another file's patients.
     */
    Outcome run(JavaRDD<FileRead.Part> read, AuditSettings settings, byte[] secret, int partitions) {
        JavaRDD<FileRead.Part> parts = read.persist(StorageLevel.MEMORY_AND_DISK());
        List<FileRead.Summary> summaries = new ArrayList<>(parts.filter(p -> p instanceof FileRead.Summary)
                .map(p -> (FileRead.Summary) p).collect());
        summaries.sort(java.util.Comparator.comparingInt(FileRead.Summary::file).thenComparing(FileRead.Summary::name));

        // A row that repeats one of an earlier file: the first in input order is kept, wherever it was read.
        JavaRDD<FileRead.Row> valid = parts.filter(p -> p instanceof FileRead.Row).map(p -> (FileRead.Row) p);
        JavaRDD<FileRead.Row> audited = valid.mapToPair(r -> new Tuple2<>(r.content(), r))
                .reduceByKey(ClusterAudit::earlier, partitions).values();
        JavaPairRDD<String, Iterable<FileRead.Row>> patients = audited.mapToPair(r -> new Tuple2<>(r.patient(), r))
                .groupByKey(partitions).persist(StorageLevel.MEMORY_AND_DISK());
        long auditedRows = audited.count();

        ShiftedIdentifiers.Shown shown = shown(summaries, valid, secret);
        // Every file's rejections are known before a patient is evaluated: the studies that lost rows are told so.
        Broadcast<IncompleteStudies> incomplete = spark.broadcast(IncompleteStudies.merge(
                summaries.stream().map(FileRead.Summary::incomplete).toList()));
        JavaRDD<PatientRules.Output> evaluated = patients.mapPartitions(p -> PatientRules.evaluate(p, settings, incomplete.value()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        // Collecting the tallies runs the rules on every partition at once.
        List<byte[]> tallies = evaluated.filter(o -> o instanceof PatientRules.Tallied).map(o -> ((PatientRules.Tallied) o).tallies()).collect();
        List<DataWarning> studyWarnings = evaluated.filter(o -> o instanceof PatientRules.Warned)
                .map(o -> (PatientRules.Warned) o).collect().stream().map(PatientRules.Warned::warning).toList();
        parts.unpersist();
        patients.unpersist();
        OrderStatistics quantiles = OrderStatistics.of(spark, evaluated.filter(o -> o instanceof PatientRules.Dose)
                .mapToPair(o -> new Tuple2<>(((PatientRules.Dose) o).sample(), ((PatientRules.Dose) o).value())), partitions);
        JavaRDD<byte[]> findings = evaluated.filter(o -> o instanceof PatientRules.Found).map(o -> ((PatientRules.Found) o).finding());
        AuditResult result = result(settings, summaries, shown, auditedRows, tallies, quantiles, findings, studyWarnings);
        return new Outcome(result, findings.union(spark.parallelize(periodFindings, 1)));
    }

    /**
     * The files' rejections and warnings as a report may show them: each task withheld the values that are its own
     * patients' identifiers; a value that is a patient's identifier in another file, of an audited row or a rejected
     * one, is withheld here.
     */
    private ShiftedIdentifiers.Shown shown(List<FileRead.Summary> summaries, JavaRDD<FileRead.Row> valid, byte[] secret) {
        List<Rejection> rejections = new ArrayList<>();
        List<DataWarning> warnings = new ArrayList<>();
        for (FileRead.Summary s : summaries) {
            rejections.addAll(s.rejectionList());
            warnings.addAll(s.warningList());
        }
        long[] rejectedPatients = summaries.stream().flatMapToLong(s -> java.util.Arrays.stream(s.rejectedPatients())).toArray();
        ShiftedIdentifiers shifted = new ShiftedIdentifiers(rejections, warnings, secret);
        java.util.Set<String> candidates = shifted.candidates();
        if (candidates.isEmpty()) return shifted.withhold(java.util.Set.of(), rejectedPatients);
        Broadcast<java.util.Set<String>> look = spark.broadcast(candidates);
        return shifted.withhold(new java.util.HashSet<>(valid.map(FileRead.Row::patient).filter(p -> look.value().contains(p)).distinct().collect()),
                rejectedPatients);
    }

    private static FileRead.Row earlier(FileRead.Row a, FileRead.Row b) {
        if (a.file() != b.file()) return a.file() < b.file() ? a : b;
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private AuditResult result(AuditSettings settings, List<FileRead.Summary> summaries, ShiftedIdentifiers.Shown withheld, long auditedRows,
                               List<byte[]> tallies, OrderStatistics quantiles, JavaRDD<byte[]> patientFindings,
                               List<DataWarning> studyWarnings) {
        Policy policy = ruleSet.tables().policy().withPediatricAge(settings.pediatricAgeYears()).withDrlSet(settings.drlSet());
        ruleSet.tables().referenceLevels().set(policy.getDrlSet());
        RuleEngine engine = new RuleEngine(ruleSet, policy);
        PeriodTally tally = new PeriodTally(policy.getDrlMinSampleStudies(), engine.estimates()::ssdeMgy, quantiles);
        ProjectionTally projection = new ProjectionTally(policy, ruleSet.tables().projectionLevels(), quantiles);
        PeriodEvents.Collector scanners = PeriodEvents.Collector.scannersOnly();
        try {
            // Counts and sums in any order; what kept the first of its kind (a protocol's spelling, the size points)
            // kept the first by pseudonym in each partition, so merging keeps the first overall, as one machine does.
            for (byte[] part : tallies) {
                try (SpillIn in = new SpillIn(new java.io.ByteArrayInputStream(part))) {
                    tally.merge(in, ruleSet.tables().referenceLevels());
                    projection.merge(in);
                    scanners.merge(in);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        } finally {
            tally.finish();
        }
        FindingCounts counts = new FindingCounts();
        FindingLog.Builder findings = new FindingLog.Builder(AuditRun.REPORT_ORDER).counting(counts::add);
        List<org.alaraaudit.model.Finding> batch = new ArrayList<>();
        for (Iterator<byte[]> it = patientFindings.toLocalIterator(); it.hasNext(); ) {
            batch.add(Encoded.finding(it.next()));
            if (batch.size() == 10_000) {
                findings.addAll(batch);
                batch.clear();
            }
        }
        findings.addAll(batch);
        List<Object> periodFacts = new ArrayList<>(tally.periodFacts());
        periodFacts.addAll(projection.periodFacts());
        AuditPeriod requested = settings.period();
        AuditPeriod shown = requested.orCovering(tally.first(), tally.last());
        List<org.alaraaudit.model.Finding> period = engine.evaluatePeriod(periodFacts, shown.from(), shown.to());
        period.forEach(f -> periodFindings.add(Encoded.finding(f)));
        findings.addAll(period);
        FindingLog found = findings.build();

        long read = 0, valid = 0, rejected = 0, excluded = 0;
        List<InputFile> inputs = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<DataWarning> warnings = new ArrayList<>();
        List<String> withoutIds = new ArrayList<>();
        for (FileRead.Summary s : summaries) {
            read += s.read();
            valid += s.valid();
            rejected += s.rejected();
            excluded += s.excluded();
            if (s.path() != null) inputs.add(s.input()); // a Parquet partition is no input file of its own
            if (s.withoutPatientIds()) withoutIds.add(s.name());
        }
        rejections.addAll(withheld.rejections());
        warnings.addAll(withheld.warnings());
        warnings.addAll(studyWarnings);
        // By file and line, as the single-machine audit lists them.
        warnings.sort(java.util.Comparator.comparing(DataWarning::file).thenComparingLong(DataWarning::line));
        RowAccounting rows = RowAccounting.of(read, auditedRows, rejected, valid - auditedRows, excluded);
        ComplianceFigures figures = tally.figures(counts, policy.getCumulativeWindowDays(),
                policy.getPhantomFactor32To16(), policy.sourceOf("phantom_factor_32_to_16"));
        return AuditResult.builder()
                .run(new RunInfo(toolVersion, ruleSet.digest(), ruleSet.location(), inputs, shown, !requested.isWholeInput(),
                        policy.getPediatricAgeYears(), policy.getDrlSet(), settings.runTime(), null))
                .rows(rows).rowsOutsidePeriod(tally.rowsOutsidePeriod())
                .inputDays(AuditPeriod.covering(tally.firstStudyDay(), tally.lastStudyDay())).figures(figures)
                .drlGroups(tally.drlGroups()).protocols(tally.protocols()).findings(found).rejected(rejections)
                .warnings(warnings).rules(ruleSet.rules()).tables(ruleSet.tables())
                .filesWithoutPatientIdentifiers(withoutIds).events(scanners.build()).projection(projection.figures())
                .build();
    }
}

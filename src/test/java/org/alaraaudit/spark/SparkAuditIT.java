package org.alaraaudit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditProgress;
import org.alaraaudit.audit.AuditRequest;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;
import org.alaraaudit.cli.AlaraAudit;
import org.alaraaudit.report.files.FindingsJson;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.alaraaudit.sample.GeneratorSettings;
import org.alaraaudit.sample.ScanLogGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark audit in local mode against the single-machine audit on the sample months. */
class SparkAuditIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSampleMonthsGiveTheSameFindingsAccountingAndFiguresOnSparkAsOnOneMachine(@TempDir Path tmp) throws Exception {
        Path out = assertSameBothWays(Path.of("sample-data").toAbsolutePath(), YearMonth.of(2026, 10), tmp);
        assertTrue(partFiles(out.resolve("findings-parquet"), ".parquet") > 0, "findings as Parquet");
        assertTrue(partFiles(out.resolve("findings-csv"), ".csv") > 0, "findings as CSV");
        // The executors write each finding's reference status too, from the tables the driver read.
        String findingsCsv;
        try (Stream<Path> s = Files.walk(out.resolve("findings-csv"))) {
            findingsCsv = s.filter(p -> p.getFileName().toString().endsWith(".csv")).map(p -> {
                try { return Files.readString(p); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
            }).collect(java.util.stream.Collectors.joining());
        }
        assertTrue(findingsCsv.contains(",reference_source,reference_status,"), "the status column next to the source");
        assertTrue(findingsCsv.contains(",secondary,"), "statuses filled in");
        // ... and the rules' ceilings: a below-range finding compares with a catalog row's lower end, local policy.
        List<String> below = findingsCsv.lines().filter(l -> l.contains(",DOSE_BELOW_EXPECTED_RANGE,")).toList();
        assertTrue(!below.isEmpty() && below.stream().allMatch(l -> l.contains(",local-policy,")), below.toString());
        assertTrue(partFiles(out.resolve("rejected-csv"), ".csv") > 0, "rejected rows");

        // The reports a safety officer reads, written on the driver by the same writers as the audit command.
        AuditResult alone = new AuditRun(AuditFixture.DEFAULT_RULES, AlaraAudit.version()).run(new AuditRequest(
                List.of(Path.of("sample-data").toAbsolutePath()), AuditPeriod.month(YearMonth.of(2026, 10)), null, null, null,
                AuditFixture.RUN_TIME, ZoneId.systemDefault(), AuditFixture.SECRET, 250_000), AuditProgress.NONE);
        Path single = tmp.resolve("single-reports");
        new org.alaraaudit.report.set.ReportSet(java.util.EnumSet.of(org.alaraaudit.report.set.ReportSet.Format.PDF,
                org.alaraaudit.report.set.ReportSet.Format.XLSX), org.alaraaudit.report.pdf.ReportTemplate.load(null), null)
                .write(alone, single);
        assertEquals(sheet(single.resolve("audit-2026-10.xlsx"), "Findings"), sheet(out.resolve("audit-2026-10.xlsx"), "Findings"),
                "the workbook's findings, cell by cell");
        List<String> pdf = pdfLines(out.resolve("audit-2026-10.pdf"));
        assertTrue(pdf.stream().anyMatch(l -> l.contains("14 DRL groups with the median above the DRL")), "the PDF judges the DRL groups");
        assertEquals(pdfLines(single.resolve("audit-2026-10.pdf")).size(), pdf.size(), "the PDF, line for line");
    }

    /** Every row of a sheet as text, its cells joined. */
    private static List<String> sheet(Path workbook, String name) throws Exception {
        List<String> rows = new java.util.ArrayList<>();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(workbook.toFile())) {
            org.apache.poi.ss.usermodel.DataFormatter text = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
            for (org.apache.poi.ss.usermodel.Row r : wb.getSheet(name)) {
                StringBuilder sb = new StringBuilder();
                for (org.apache.poi.ss.usermodel.Cell c : r) sb.append(text.formatCellValue(c)).append('|');
                rows.add(sb.toString());
            }
        }
        assertTrue(rows.size() > 1, name + " has rows");
        return rows;
    }

    private static List<String> pdfLines(Path pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return List.of(new org.apache.pdfbox.text.PDFTextStripper().getText(d).split("\\R"));
        }
    }

    /** Generated networks of a few hundred patients: whatever the mix, both ways agree. Few tries: each starts Spark. */
    @Property(tries = 2)
    void generatedLogsGiveTheSameResultOnSparkAsOnOneMachine(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                          @ForAll @IntRange(min = 200, max = 1500) int studies) throws Exception {
        Path tmp = Files.createTempDirectory("spark-property");
        Path logs = tmp.resolve("logs");
        Files.createDirectories(logs);
        new ScanLogGenerator(new GeneratorSettings(studies, seed, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 10, 31)))
                .writeByMonth(logs, ScanLogGenerator.DEFAULT_MONTH_PREFIX);
        assertSameBothWays(logs, YearMonth.of(2026, 10), tmp);
    }

    @Test
    void rowsOfOneAccessionOnTwoScannersAreTheSameDataWarningOnSparkAsOnOneMachine(@TempDir Path tmp) throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        new AuditFixture()
                .row("accession_number", "ACC1", "station_name", "CT-A", "study_datetime", "2026-10-05T10:00:00")
                .row("accession_number", "ACC1", "station_name", "CT-B", "study_datetime", "2026-10-20T09:00:00")
                .row("accession_number", "ACC2", "patient_id", "P2")
                .write(logs, "october.csv");
        Path out = assertSameBothWays(logs, YearMonth.of(2026, 10), tmp);
        JsonNode warnings = JSON.readTree(out.resolve("findings.json").toFile()).path("data_warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).toString().contains("shares facility and accession number with october.csv"), warnings.toString());
    }

    /**
     * A short row can shift a patient's identifier into a column whose value a report shows. Spark validates each
     * file on its own, so the identifier may be a patient of another file only, even one whose every row was rejected:
     * it is withheld all the same, as on one machine. The study that lost the rows is flagged incomplete both ways.
     */
    @Test
    void aRejectedValueThatIsAnotherFilesPatientIsWithheldOnSparkAsOnOneMachine(@TempDir Path tmp) throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        new AuditFixture()
                .row("patient_id", "MRN7", "accession_number", "ACC7")
                // A patient of this file whose only row is rejected: no audited row names MRN8.
                .row("patient_id", "MRN8", "accession_number", "ACC8", "ctdivol_mgy", "-1")
                .write(logs, "a-october.csv");
        new AuditFixture()
                .row("patient_id", "P2", "accession_number", "ACC2")
                .row("patient_id", "P2", "accession_number", "ACC2", "kvp", "MRN7")
                .row("patient_id", "P2", "accession_number", "ACC2", "kvp", "MRN8")
                .write(logs, "b-october.csv");
        Path out = assertSameBothWays(logs, YearMonth.of(2026, 10), tmp);
        JsonNode json = JSON.readTree(out.resolve("findings.json").toFile());
        String rejected = json.path("rejected").toString();
        assertEquals(3, json.path("rejected").size(), rejected);
        assertTrue(rejected.contains(org.alaraaudit.scanlog.Rejection.VALUE_WITHHELD) && !rejected.contains("MRN7")
                && !rejected.contains("MRN8"), rejected);
        assertTrue(json.path("findings").toString().contains("\"rule_id\":\"STUDY_INCOMPLETE\""), json.path("findings").toString());
    }

    /** Audits {@code input} on one machine and on Spark local[2] and compares their findings.json; returns Spark's --out. */
    private static Path assertSameBothWays(Path input, YearMonth month, Path tmp) throws Exception {
        AuditResult alone = new AuditRun(AuditFixture.DEFAULT_RULES, AlaraAudit.version()).run(new AuditRequest(List.of(input),
                AuditPeriod.month(month), null, null, null, AuditFixture.RUN_TIME, ZoneId.systemDefault(), AuditFixture.SECRET, 250_000),
                AuditProgress.NONE);
        Path single = tmp.resolve("single.json");
        FindingsJson.write(alone, org.alaraaudit.report.Disclosure.PATIENT_LEVEL, single);

        Path out = tmp.resolve("spark");
        StringWriter err = new StringWriter();
        int code = SparkAudit.run(new String[] {"--master", "local[2]", "--partitions", "4", "--input", input.toString(),
                "--format", "csv", "--rules", Path.of("rules").toAbsolutePath().toString(), "--period", month.toString(),
                "--out", out.toString(), "--run-time", AuditFixture.RUN_TIME.toString()},
                Map.of("ALARA_AUDIT_SECRET", new String(AuditFixture.SECRET, java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(err, true));
        assertEquals(0, code, err.toString());

        ObjectNode expected = comparable(JSON.readTree(single.toFile()));
        ObjectNode actual = comparable(JSON.readTree(out.resolve("findings.json").toFile()));
        assertTrue(expected.path("findings").size() > 0, "the audit has findings to compare");
        assertEquals(expected.path("findings"), actual.path("findings"), "findings");
        expected.remove("findings");
        actual.remove("findings");
        assertEquals(expected, actual, "accounting, figures, DRL groups");
        return out;
    }

    /** What findings.json leaves out, from the result both ways: the workbook's protocol sheet, radiography, scanners. */
    @Test
    void theProtocolStatisticsRadiographyFiguresAndScannersAreTheSameOnSparkAsOnOneMachine() {
        Path input = Path.of("sample-data").toAbsolutePath();
        AuditPeriod period = AuditPeriod.month(YearMonth.of(2026, 10));
        AuditResult alone = new AuditRun(AuditFixture.DEFAULT_RULES, AlaraAudit.version()).run(new AuditRequest(List.of(input),
                period, null, null, null, AuditFixture.RUN_TIME, ZoneId.systemDefault(), AuditFixture.SECRET, 250_000),
                AuditProgress.NONE);
        org.apache.spark.sql.SparkSession session = org.apache.spark.sql.SparkSession.builder().master("local[2]").getOrCreate();
        AuditResult spark;
        try {
            List<String> files = org.alaraaudit.scanlog.ScanLogInput.expand(List.of(input)).stream().map(Path::toString).toList();
            AuditSettings settings = new AuditSettings(null, period.from(), period.to(), null, null, AuditFixture.RUN_TIME,
                    ZoneId.systemDefault().getId());
            spark = new ClusterAudit(org.apache.spark.api.java.JavaSparkContext.fromSparkContext(session.sparkContext()),
                    AuditFixture.DEFAULT_RULES, AlaraAudit.version()).runFiles(files, settings, AuditFixture.SECRET, 3).result();
        } finally {
            session.stop();
        }
        assertTrue(alone.protocols().size() > 0 && !alone.projection().isEmpty(), "the sample month has protocols and radiographs");
        assertEquals(org.alaraaudit.audit.aggregate.PeriodTallyPartsTest.described(alone.protocols()),
                org.alaraaudit.audit.aggregate.PeriodTallyPartsTest.described(spark.protocols()), "protocol statistics");
        assertEquals(alone.projection(), spark.projection(), "typical values, deviation index, retakes");
        assertEquals(alone.events().scanners(), spark.events().scanners(), "scanners");
        assertEquals(alone.figures(), spark.figures(), "compliance figures");
        assertEquals(alone.drlGroups(), spark.drlGroups(), "DRL groups");
    }

    @Test
    void aParquetCopyOfTheSampleMonthsGivesTheSameFindingsAndAccountingAsTheCsv(@TempDir Path tmp) throws Exception {
        Path samples = Path.of("sample-data").toAbsolutePath();
        Path parquet = tmp.resolve("parquet");
        org.apache.spark.sql.SparkSession session = org.apache.spark.sql.SparkSession.builder().master("local[2]").getOrCreate();
        try {
            // Every column as text, as a lake's raw landing zone holds them; one Parquet file per month.
            for (String month : List.of("2026-08", "2026-09", "2026-10")) {
                session.read().option("header", "true").csv(samples.resolve("scan-log-" + month + ".csv").toString())
                        .coalesce(1).write().parquet(parquet.resolve("month=" + month).toString());
            }
        } finally {
            session.stop();
        }
        Map<String, String> env = Map.of("ALARA_AUDIT_SECRET", new String(AuditFixture.SECRET, java.nio.charset.StandardCharsets.UTF_8));
        Path fromCsv = tmp.resolve("csv-out");
        Path fromParquet = tmp.resolve("parquet-out");
        StringWriter err = new StringWriter();
        assertEquals(0, SparkAudit.run(args(samples, "csv", fromCsv), env, new PrintWriter(err, true)), err.toString());
        assertEquals(0, SparkAudit.run(args(parquet, "parquet", fromParquet), env, new PrintWriter(err, true)), err.toString());

        JsonNode csv = JSON.readTree(fromCsv.resolve("findings.json").toFile());
        JsonNode pq = JSON.readTree(fromParquet.resolve("findings.json").toFile());
        assertEquals(csv.path("rows"), pq.path("rows"), "accounting");
        assertEquals(csv.path("figures"), pq.path("figures"), "figures");
        assertEquals(verdicts(csv), verdicts(pq), "findings: id, rule, severity, value");
    }

    private static String[] args(Path input, String format, Path out) {
        return new String[] {"--master", "local[2]", "--input", input.toString(), "--format", format, "--period", "2026-10",
                "--out", out.toString(), "--run-time", AuditFixture.RUN_TIME.toString()};
    }

    /** What a finding says, leaving out the lines it points to: a Parquet row has a row number, not a CSV line. */
    private static java.util.Set<String> verdicts(JsonNode report) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (JsonNode f : report.path("findings")) {
            ObjectNode what = f.deepCopy();
            List<String> lineFields = new java.util.ArrayList<>();
            what.fieldNames().forEachRemaining(n -> { if (n.contains("line") || n.equals("message")) lineFields.add(n); });
            what.remove(lineFields);
            out.add(what.toString());
        }
        return out;
    }

    /** All but where the rule base was loaded from, which the two runs name differently (jar or folder). */
    private static ObjectNode comparable(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        JsonNode run = copy.path("run");
        if (run instanceof ObjectNode r) r.remove("rule_set");
        return copy;
    }

    private static long partFiles(Path dir, String suffix) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }
}

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
import org.alaraaudit.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark audit in local mode against the single-machine audit on the sample months. */
class SparkAuditIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSampleMonthsGiveTheSameFindingsAccountingAndFiguresOnSparkAsOnOneMachine(@TempDir Path tmp) throws Exception {
        Path samples = Path.of("sample-data").toAbsolutePath();
        AuditPeriod october = AuditPeriod.month(YearMonth.of(2026, 10));
        AuditResult alone = new AuditRun(AuditFixture.DEFAULT_RULES, AlaraAudit.version()).run(new AuditRequest(List.of(samples),
                october, null, null, null, AuditFixture.RUN_TIME, ZoneId.systemDefault(), AuditFixture.SECRET, 250_000),
                AuditProgress.NONE);
        Path single = tmp.resolve("single.json");
        FindingsJson.write(alone, single);

        Path out = tmp.resolve("spark");
        StringWriter err = new StringWriter();
        int code = SparkAudit.run(new String[] {"--master", "local[2]", "--partitions", "4", "--input", samples.toString(),
                "--format", "csv", "--rules", Path.of("rules").toAbsolutePath().toString(), "--period", "2026-10", "--out", out.toString(),
                "--run-time", AuditFixture.RUN_TIME.toString()},
                Map.of("ALARA_AUDIT_SECRET", new String(AuditFixture.SECRET, java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(err, true));
        assertEquals(0, code, err.toString());

        ObjectNode expected = comparable(JSON.readTree(single.toFile()));
        ObjectNode actual = comparable(JSON.readTree(out.resolve("findings.json").toFile()));
        assertTrue(expected.path("findings").size() > 0, "the sample month has findings to compare");
        assertEquals(expected.path("findings"), actual.path("findings"), "findings");
        expected.remove("findings");
        actual.remove("findings");
        assertEquals(expected, actual, "accounting, figures, DRL groups");
        assertTrue(partFiles(out.resolve("findings-parquet"), ".parquet") > 0, "findings as Parquet");
        assertTrue(partFiles(out.resolve("findings-csv"), ".csv") > 0, "findings as CSV");
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

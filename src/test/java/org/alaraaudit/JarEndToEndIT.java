package org.alaraaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar on the sample data, run from another folder exactly as the README tells a new user. */
class JarEndToEndIT {
    @TempDir
    static Path work;

    static Path jar;
    static Path sampleData;
    static Proc audit;

    record Proc(int code, String out, String err) {}

    static Proc java(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("ALARA_AUDIT_SECRET", "end-to-end-secret");
        pb.environment().put("ALARA_AUDIT_HOME", work.resolve("home").toString());
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        int code = pb.start().waitFor();
        return new Proc(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void auditTheSampleMonth() throws Exception {
        jar = Path.of(System.getProperty("alara.jar", "target/alara-audit.jar")).toAbsolutePath();
        sampleData = Path.of("sample-data").toAbsolutePath();
        Files.createDirectories(work.resolve("elsewhere"));
        audit = java(work.resolve("elsewhere"), "audit", sampleData.toString(), "--period", "2026-10", "--out", "reports");
    }

    @Test
    void auditOfTheSampleMonthSucceedsAndSaysWhereTheReportsAre() {
        assertEquals(0, audit.code(), audit.err());
        assertTrue(audit.out().contains("Rows: "), audit.out());
        assertTrue(audit.out().contains("Reports:"), audit.out());
        assertFalse(audit.err().contains("Exception"), audit.err());
        // A first run creates the history store: nothing from the libraries (Flyway, H2) reaches the user's console.
        assertEquals("", audit.err());
    }

    @Test
    void rowAccountingReconcilesAndEveryRuleOfThePipelineFires() throws IOException {
        JsonNode json = new ObjectMapper().readTree(work.resolve("elsewhere/reports/findings.json").toFile());
        JsonNode rows = json.get("rows");
        assertEquals(rows.get("read").asLong(), rows.get("audited").asLong() + rows.get("rejected").asLong()
                + rows.get("duplicate").asLong() + rows.get("excluded").asLong());
        assertEquals(List.of(15823L, 15745L, 24L, 18L, 36L), List.of(rows.get("read").asLong(), rows.get("audited").asLong(),
                rows.get("rejected").asLong(), rows.get("duplicate").asLong(), rows.get("excluded").asLong()));
        Map<String, Integer> perRule = new TreeMap<>();
        for (JsonNode f : json.get("findings")) perRule.merge(f.get("rule_id").asText(), 1, Integer::sum);
        Map<String, Integer> figures = new TreeMap<>();
        json.get("figures").get("findings_by_rule").fields().forEachRemaining(e -> figures.put(e.getKey(), e.getValue().asInt()));
        assertEquals(perRule, figures, "figures count the findings listed");
        for (String id : List.of("PEDIATRIC_ADULT_PROTOCOL", "PEDIATRIC_PROTOCOL_SIZE_MISMATCH", "UNMAPPED_PROTOCOL",
                "CT_NOTIFICATION_VALUE", "CT_ALERT_VALUE", "DOSE_ABOVE_EXPECTED_RANGE", "DOSE_BELOW_EXPECTED_RANGE",
                "DRL_MEDIAN_EXCEEDED", "REPEAT_STUDY", "PEDIATRIC_MULTIPHASE", "CUMULATIVE_DOSE", "PEDIATRIC_HIGH_KVP",
                "PEDIATRIC_BODY_32CM_PHANTOM", "DOSE_DATA_MISSING", "NONIONIZING_ALTERNATIVE", "STUDY_INCOMPLETE")) {
            assertTrue(perRule.getOrDefault(id, 0) > 0, id + " fires on the sample month: " + perRule);
        }
        assertEquals(EXPECTED_PER_RULE, perRule);
    }

    /** Pinned from a reviewed run of the sample month; a change here is a change in policy or data to explain. */
    static final Map<String, Integer> EXPECTED_PER_RULE = new TreeMap<>(Map.ofEntries(
            Map.entry("CT_ALERT_VALUE", 3), Map.entry("CT_NOTIFICATION_VALUE", 15), Map.entry("CUMULATIVE_DOSE", 6),
            Map.entry("DOSE_ABOVE_EXPECTED_RANGE", 157), Map.entry("DOSE_BELOW_EXPECTED_RANGE", 12),
            Map.entry("DOSE_DATA_MISSING", 15), Map.entry("DRL_MEDIAN_EXCEEDED", 14), Map.entry("NONIONIZING_ALTERNATIVE", 26),
            Map.entry("PEDIATRIC_ADULT_PROTOCOL", 26), Map.entry("PEDIATRIC_BODY_32CM_PHANTOM", 64),
            Map.entry("PEDIATRIC_HIGH_KVP", 20), Map.entry("PEDIATRIC_MULTIPHASE", 17),
            Map.entry("PEDIATRIC_PROTOCOL_SIZE_MISMATCH", 22), Map.entry("REPEAT_STUDY", 54), Map.entry("UNMAPPED_PROTOCOL", 8),
            Map.entry("EXPOSURE_INDEX_OUT_OF_RANGE", 2), Map.entry("FLUORO_KAR_NOTIFICATION", 3),
            Map.entry("FLUORO_SUBSTANTIAL_DOSE", 3), Map.entry("PEDIATRIC_ADULT_RADIOGRAPHY_PROTOCOL", 1),
            Map.entry("RADIOGRAPH_RETAKE", 3), Map.entry("STUDY_INCOMPLETE", 7)));

    @Test
    void pdfAndWorkbookAreWrittenBesideTheFindings() {
        for (String f : List.of("audit-2026-10.pdf", "audit-2026-10.xlsx", "findings.csv", "rejected.csv", "findings.json")) {
            assertTrue(Files.exists(work.resolve("elsewhere/reports").resolve(f)), f);
        }
    }

    @Test
    void sameInputGivesTheSameFindings() throws Exception {
        Proc again = java(work.resolve("elsewhere"), "audit", sampleData.toString(), "--period", "2026-10", "--out", "again",
                "--format", "csv");
        assertEquals(0, again.code(), again.err());
        assertEquals(Files.readString(work.resolve("elsewhere/reports/findings.csv")),
                Files.readString(work.resolve("elsewhere/again/findings.csv")));
    }

    @Test
    void defaultRulesInsideTheJarValidateAndList() throws Exception {
        Proc v = java(work, "rules", "validate");
        assertEquals(0, v.code(), v.err());
        Proc l = java(work, "rules", "list");
        assertTrue(l.out().contains("CT_NOTIFICATION_VALUE"));
        Proc version = java(work, "--version");
        assertTrue(version.out().contains("alara-audit 0.1.0"), version.out());
    }
}

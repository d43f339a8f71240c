package org.alaraaudit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.alaraaudit.rules.ThresholdFacts.Table;
import org.alaraaudit.rules.ThresholdWorkbook;
import org.alaraaudit.rules.ThresholdWorkbookFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thresholds workbook travels in the shaded jar unharmed, and the jar reads it from a copied rules folder too. */
class ThresholdWorkbookJarIT {
    @TempDir
    static Path work;

    static Path jar;

    record Proc(int code, String out, String err) {}

    static Proc java(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().put("ALARA_AUDIT_HOME", work.resolve("home").toString());
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        int code = pb.start().waitFor();
        return new Proc(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void theJar() {
        jar = Path.of(System.getProperty("alara.jar", "target/alara-audit.jar")).toAbsolutePath();
    }

    @Test
    void theJarCarriesTheWorkbookByteForByte() throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry("rules/tables/" + ThresholdWorkbook.FILE);
            assertTrue(entry != null, "rules/tables/thresholds.drl.xlsx is in the jar");
            try (var in = zip.getInputStream(entry)) {
                assertArrayEquals(Files.readAllBytes(Path.of("rules/tables", ThresholdWorkbook.FILE)), in.readAllBytes(),
                        "a binary resource must not be filtered");
            }
        }
    }

    @Test
    void theBuiltInRulesValidateWithTheWorkbook() throws Exception {
        Proc r = java("rules", "validate", "--strict");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Decision table tables/thresholds.drl.xlsx: 80 rows, all values agree with the CSV tables"), r.out());
    }

    @Test
    void aCopiedRulesFolderWithAnEditIsReadAndCanBeRegenerated() throws Exception {
        Path rules = ThresholdWorkbookFile.rulesCopy(work.resolve("rules-copy"));
        new ThresholdWorkbookFile(rules).set(Table.SETTING.title(), "repeat_window_hours", "Value", 24).save();
        Proc v = java("rules", "validate", "--rules", rules.toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("(setting repeat_window_hours): workbook 24, settings.csv line 3: 48; the audit uses 24 from the workbook"), v.out());
        assertEquals(4, java("rules", "validate", "--rules", rules.toString(), "--strict").code());

        Proc e = java("rules", "export-thresholds", rules.toString(), "--force");
        assertEquals(0, e.code(), e.err());
        Proc after = java("rules", "validate", "--rules", rules.toString(), "--strict");
        assertEquals(0, after.code(), after.out() + after.err());
        assertFalse(after.err().contains("Exception"), after.err());
    }
}

package org.alaraaudit.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shipped {@code sample-data/} is exactly what the documented command makes. When a change to
 * the generator changes it, regenerate the files (see sample-data/README.md) and update the README.
 */
class SampleDataTest {

    static final Path SAMPLE = Path.of(System.getProperty("basedir", ".")).resolve("sample-data");
    static final List<String> FILES = List.of("scan-log-2026-08.csv", "scan-log-2026-09.csv", "scan-log-2026-10.csv");

    @Test
    void sampleDataIsReproducibleFromTheDocumentedSettings(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isDirectory(SAMPLE), "no sample-data folder");
        GeneratorSettings s = new GeneratorSettings(6300, 20261031L, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 10, 31));
        new ScanLogGenerator(s).writeByMonth(dir, ScanLogGenerator.DEFAULT_MONTH_PREFIX);
        for (String f : FILES) {
            assertTrue(Files.exists(SAMPLE.resolve(f)), f);
            assertEquals(-1L, Files.mismatch(dir.resolve(f), SAMPLE.resolve(f)),
                    f + " differs from a fresh run: regenerate sample-data (see its README)");
        }
    }

    @Test
    void theReadmesChecksumsAreThoseOfTheFiles() throws Exception {
        assumeTrue(Files.isDirectory(SAMPLE), "no sample-data folder");
        String readme = Files.readString(SAMPLE.resolve("README.md"));
        for (String month : List.of("08", "09", "10")) {
            String name = "scan-log-2026-" + month + ".csv";
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SAMPLE.resolve(name)));
            String line = java.util.HexFormat.of().formatHex(digest) + "  " + name;
            assertTrue(readme.contains(line), "sample-data/README.md should list " + line);
        }
    }

    @Test
    void theAuditMonthHasAtLeast2000Studies() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLE), "no sample-data folder");
        GeneratedLog october = GeneratedLog.parse(Files.readString(SAMPLE.resolve("scan-log-2026-10.csv")));
        assertTrue(october.studies.size() >= 2000, "studies: " + october.studies.size());
    }
}

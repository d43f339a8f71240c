package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed OpenREM test exports are what {@link OpenRemExportWriter} writes from {@link OpenRemStudies}, so
 * the files and the Java description of their studies cannot drift apart. Regenerate with
 * {@code mvn -o test -Dtest=OpenRemTestFilesTest -Dopenrem.regenerate=true}.
 */
class OpenRemTestFilesTest {
    @TempDir
    Path dir;

    @Test
    void committedFilesAreTheGeneratorsOutput() throws Exception {
        if (Boolean.getBoolean("openrem.regenerate")) OpenRemExportWriter.writeAll(Path.of("src/test/resources/openrem"));
        OpenRemExportWriter.writeAll(dir);
        for (String f : List.of(OpenRemExportWriter.CSV, OpenRemExportWriter.CSV_NO_PATIENT_ID,
                OpenRemExportWriter.CSV_STANDARD_NAMES, OpenRemExportWriter.CANONICAL)) {
            assertEquals(Files.readString(dir.resolve(f), StandardCharsets.UTF_8),
                    Files.readString(OpenRemTestFiles.file(f), StandardCharsets.UTF_8), f);
        }
        // Workbooks carry a creation time, so compare what they hold rather than their bytes.
        for (String f : List.of(OpenRemExportWriter.XLSX, OpenRemExportWriter.XLSX_NO_PATIENT_ID)) {
            assertEquals(cells(dir.resolve(f)), cells(OpenRemTestFiles.file(f)), f);
        }
    }

    private static String cells(Path f) {
        StringBuilder sb = new StringBuilder();
        try (XlsxTable t = new XlsxTable(f, "All data", List.of())) {
            sb.append(t.header()).append('\n');
            while (t.hasNext()) {
                TabularFile.Row r = t.next();
                sb.append(r.line()).append(java.util.Arrays.asList(r.cells())).append('\n');
            }
        }
        return sb.toString();
    }
}

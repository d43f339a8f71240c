package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The store is read by the reports (report.trend draws the trend history.trend reads), never the other way: a
 * history class that wrote a report would make the two packages a cycle again.
 */
class HistoryImportsNoReportTest {
    private static final Path HISTORY = Path.of("src", "main", "java", "org", "alaraaudit", "history");

    @Test
    void noHistoryClassImportsTheReportPackages() throws IOException {
        assertTrue(Files.isDirectory(HISTORY), HISTORY.toAbsolutePath().toString());
        List<String> offenders;
        try (Stream<Path> files = Files.walk(HISTORY)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(HistoryImportsNoReportTest::namesReport)
                    .map(p -> HISTORY.relativize(p).toString()).toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean namesReport(Path source) {
        try {
            return Files.readString(source).contains("org.alaraaudit.report");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

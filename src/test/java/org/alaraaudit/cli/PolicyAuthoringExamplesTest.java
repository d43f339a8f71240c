package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows docs/policy-authoring.md gives as examples work as a safety officer would use them: pasted into a copy of
 * the default rules, in place of the row they change or above the shipped rows, `rules validate` accepts them.
 */
class PolicyAuthoringExamplesTest {
    @TempDir
    Path dir;

    private static final String DOC = "docs/policy-authoring.md";

    /** The csv code block after a sentence of the doc, its one row. */
    private static String example(String after) throws IOException {
        String doc = Files.readString(Path.of(DOC), StandardCharsets.UTF_8);
        int at = doc.indexOf(after);
        assertTrue(at >= 0, after + " is in " + DOC);
        int start = doc.indexOf('\n', doc.indexOf("```csv", at)) + 1;
        return doc.substring(start, doc.indexOf("```", start)).strip();
    }

    private Path copyOfTheDefaultRules() throws IOException {
        Path rules = dir.resolve("rules");
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Path to = rules.resolve(Path.of("rules").relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        // The workbook repeats the CSV's values; an example changes the CSV, so the workbook is left out.
        Files.delete(rules.resolve("tables").resolve("thresholds.drl.xlsx"));
        return rules;
    }

    private static void validates(Path rules) {
        CliTest.Run r = CliTest.run("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
    }

    @Test
    void theRepeatWindowExampleReplacesItsRowAndValidates() throws IOException {
        String row = example("Example: the committee lowers the repeat window to 24 hours.");
        Path rules = copyOfTheDefaultRules();
        Path settings = rules.resolve("tables").resolve("settings.csv");
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(settings)) lines.add(l.startsWith("repeat_window_hours,") ? row : l);
        assertTrue(lines.contains(row), "the row it replaces is in settings.csv");
        Files.write(settings, lines);
        validates(rules);
    }

    @Test
    void theCatalogExampleAboveTheShippedRowsValidates() throws IOException {
        String row = example("Example: station CT2 logs `KIDS SINUS LOW` for children of 6 to 18:");
        Path rules = copyOfTheDefaultRules();
        Path catalog = rules.resolve("tables").resolve("protocol-catalog.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(catalog));
        lines.add(1, row);
        Files.write(catalog, lines);
        validates(rules);
    }
}

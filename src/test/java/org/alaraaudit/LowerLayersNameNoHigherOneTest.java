package org.alaraaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way (docs/architecture.md, "One run"): {@code model} is the bottom; {@code scanlog},
 * {@code dosimetry} and {@code rules} are read by {@code audit} and never read it; the store ({@code history}) is
 * read by the reports ({@code report.trend} draws what {@code history.trend} reads), never the other way. A name
 * against that direction, in an import, a qualified name or a {@code @link}, makes two packages a cycle, so this
 * reads the main sources and lists every file that has one.
 */
class LowerLayersNameNoHigherOneTest {
    private static final Path MAIN = Path.of("src", "main", "java", "org", "alaraaudit");
    /** A project name, {@code org.alaraaudit.<top-level package>} (or a wildcard import of the root). */
    private static final Pattern PROJECT_NAME = Pattern.compile("\\borg\\.alaraaudit\\.(\\w+|\\*)");

    @Test
    void modelNamesNoOtherPackageOfTheProject() {
        assertEquals(List.of(), namesOutside("model", Set.of("model")));
    }

    @Test
    void scanlogDosimetryAndRulesNameNothingOfAudit() {
        List<String> offenders = new ArrayList<>();
        for (String layer : List.of("scanlog", "dosimetry", "rules")) {
            offenders.addAll(naming(layer, Set.of("audit")));
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void noHistoryClassImportsTheReportPackages() {
        assertEquals(List.of(), naming("history", Set.of("report")));
    }

    /** Files of {@code layer} that name a project package other than {@code allowed}, with the name. */
    private static List<String> namesOutside(String layer, Set<String> allowed) {
        return offenders(layer, pkg -> !allowed.contains(pkg));
    }

    /** Files of {@code layer} that name one of {@code forbidden}, with the name. */
    private static List<String> naming(String layer, Set<String> forbidden) {
        return offenders(layer, forbidden::contains);
    }

    private static List<String> offenders(String layer, Predicate<String> bad) {
        Path dir = MAIN.resolve(layer);
        assertTrue(Files.isDirectory(dir), dir.toAbsolutePath().toString());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = PROJECT_NAME.matcher(Files.readString(source));
                while (m.find()) {
                    if (bad.test(m.group(1))) {
                        offenders.add(MAIN.relativize(source) + ": " + m.group());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return offenders;
    }
}

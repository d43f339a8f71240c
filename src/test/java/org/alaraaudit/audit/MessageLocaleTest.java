package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A report reads the same on a German machine as anywhere else: "75.8", never "75,8" next to "55.0". */
class MessageLocaleTest {
    private static final Path SAMPLE = Path.of(System.getProperty("basedir", ".")).resolve("sample-data");
    /** A decimal comma: a digit, a comma and a digit with no space (lists are written "a, b"). */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d,\\d");

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() { Locale.setDefault(before); }

    @Test
    void theSampleMonthsMessagesUseDecimalPointsUnderAGermanDefaultLocale() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLE), "no sample-data folder");
        List<Path> files;
        try (Stream<Path> s = Files.list(SAMPLE)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        Locale.setDefault(Locale.GERMAN);
        assertEquals("75,8", String.format("%.1f", 75.8), "the default locale must really be German for this test");
        AuditResult r = new AuditFixture().period(AuditPeriod.month(YearMonth.of(2026, 10))).auditFiles(files);
        assertTrue(r.findings().size() > 100, "the sample month has findings");
        for (Finding f : r.findings()) {
            assertTrue(!DECIMAL_COMMA.matcher(f.message()).find(), f.ruleId() + ": " + f.message());
        }
    }
}

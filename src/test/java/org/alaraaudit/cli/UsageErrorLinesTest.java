package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A usage error is read on a terminal or in a scheduler's log: the error with the tool's prefix, picocli's suggestion
 * where it has one, and where the help is; never the whole help, which pushes the error off the screen. Every command
 * alike, since one handler on the root command line serves them all.
 */
class UsageErrorLinesTest {
    private static void assertUsageError(CliTest.Run r, String command) {
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertTrue(lines.size() <= 2, "one or two lines: " + r.err());
        assertTrue(lines.get(0).startsWith("alara-audit: "), r.err());
        assertTrue(lines.get(lines.size() - 1).endsWith("Try '" + command + " --help'."), r.err());
        assertFalse(r.err().contains("Usage:"), "no help: " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "audit --bogus;alara-audit audit",
            "audit x.csv --fail-on HUGE;alara-audit audit",
            "audit x.csv --pediatric-age abc;alara-audit audit",
            "audit x.csv --period;alara-audit audit",
            "audit x.csv --period October --no-history;alara-audit audit",
            "trend --by;alara-audit trend",
            "trend --bogus;alara-audit trend",
            "review;alara-audit review",
            "review import --bogus;alara-audit review import",
            "rules;alara-audit rules",
            "rules lst;alara-audit rules",
            "rules list --bogus;alara-audit rules list",
            "rules validate --bogus;alara-audit rules validate",
            "rules test;alara-audit rules test",
            "rules export-thresholds;alara-audit rules export-thresholds",
            "rules derive-ranges --months x;alara-audit rules derive-ranges",
            "rules verify-tables --bogus;alara-audit rules verify-tables",
            "verify;alara-audit verify",
            "pull --from;alara-audit pull",
            "generate --studies x;alara-audit generate",
            "frobnicate;alara-audit",
            "--bogus;alara-audit"})
    void everyCommandsUsageErrorIsTheErrorAndWhereTheHelpIsInTwoLinesAtMost(String args, String command) {
        assertUsageError(CliTest.run(args.split(" ")), command);
    }

    @Test
    void noCommandAtAllIsAUsageErrorPointingToTheToolsHelp() {
        assertUsageError(CliTest.run(), "alara-audit");
    }

    @Test
    void anUnknownOptionIsNamedOnItsOwnLine() {
        CliTest.Run r = CliTest.run("audit", "x.csv", "--bogus");
        assertEquals("alara-audit: Unknown option: '--bogus'\nTry 'alara-audit audit --help'.", r.err().strip());
    }

    @Test
    void aMisspeltOptionGetsPicoclisSuggestionBeforeTheHelpHint() {
        CliTest.Run r = CliTest.run("audit", "x.csv", "--perod", "2026-10");
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals("alara-audit: Unknown option: '--perod'\nDid you mean --period or --pediatric-age? Try 'alara-audit audit --help'.",
                r.err().strip());
    }

    @Test
    void aValueOutsideTheChoicesNamesThem() {
        CliTest.Run r = CliTest.run("audit", "x.csv", "--fail-on", "HUGE");
        assertEquals("alara-audit: Invalid value for option '--fail-on': expected one of [CRITICAL, MAJOR, MINOR, INFO] (case-insensitive)"
                + " but was 'HUGE'\nTry 'alara-audit audit --help'.", r.err().strip());
    }

    @Test
    void aValueThatIsNoNumberSaysANumberWasExpectedNotAJavaType() {
        CliTest.Run r = CliTest.run("audit", "x.csv", "--pediatric-age", "abc");
        assertEquals("alara-audit: Invalid value for option '--pediatric-age': 'abc' is not a number", r.err().strip().lines().findFirst().orElse(""));
        CliTest.Run whole = CliTest.run("generate", "--studies", "1.5");
        assertEquals("alara-audit: Invalid value for option '--studies': '1.5' is not a whole number",
                whole.err().strip().lines().findFirst().orElse(""));
    }

    @Test
    void anArgumentWithControlCharactersIsEchoedEscaped() {
        CliTest.Run r = CliTest.run("audit", "x.csv", "--bo\u001b[2Jgus");
        assertUsageError(r, "alara-audit audit");
        assertFalse(r.err().contains("\u001b"), r.err());
    }
}

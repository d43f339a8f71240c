package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local rule that fails while running is a policy problem: exit 4, the rule named, no stack trace, whether its
 * condition or its action fails, whether it throws, recurses without end or keeps firing. The rules run on a
 * second thread (audit/RuleBatches), so these failures also cross a thread.
 */
class RuleFailureTest {
    private static final String HEAD = """
            package org.alaraaudit.rules.policy;
            import org.alaraaudit.model.Study;
            global org.alaraaudit.rules.FindingCollector findings;
            """;

    @TempDir
    Path dir;

    @Test
    void aFailingLocalRuleStopsTheAuditWithItsName() throws Exception {
        CliTest.Run r = auditWith("""
                rule "A local rule with a defect"
                    @ruleId("LOCAL_BROKEN") @severity("INFO") @scope("study") @source("test")
                    @title("Test rule") @action("none") @threshold("none")
                when
                    Study( )
                then
                    throw new IllegalStateException("local rule defect");
                end
                """);
        assertRuleFailed(r, "A local rule with a defect");
        assertTrue(r.err().contains("local rule defect") && r.err().contains("its action failed"), r.err());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // not a measure of speed: without the firing limit this never ends
    void aLocalRuleThatKeepsFiringIsStoppedAndNamed() throws Exception {
        CliTest.Run r = auditWith("""
                rule "A local rule that re-fires itself"
                    @ruleId("LOCAL_LOOP") @severity("INFO") @scope("study") @source("test")
                    @title("Test rule") @action("none") @threshold("none")
                when
                    $s : Study( )
                then
                    update($s);
                end
                """);
        assertRuleFailed(r, "A local rule that re-fires itself");
        assertTrue(r.err().contains("kept firing") && r.err().contains("no-loop"), r.err());
    }

    @Test
    void aLocalRuleWhoseConditionThrowsIsNamed() throws Exception {
        CliTest.Run r = auditWith("""
                function boolean suspicious(Study s) { throw new IllegalStateException("condition defect"); }
                rule "A local rule with a failing condition"
                    @ruleId("LOCAL_LHS") @severity("INFO") @scope("study") @source("test")
                    @title("Test rule") @action("none") @threshold("none")
                when
                    Study( suspicious(this) )
                then
                end
                """);
        assertRuleFailed(r, "A local rule with a failing condition");
        assertTrue(r.err().contains("its condition failed") && r.err().contains("condition defect"), r.err());
    }

    @Test
    void aLocalRuleWhoseEvalThrowsIsNamed() throws Exception {
        CliTest.Run r = auditWith("""
                function boolean suspicious(Study s) { throw new IllegalStateException("eval defect"); }
                rule "A local rule with a failing eval"
                    @ruleId("LOCAL_EVAL") @severity("INFO") @scope("study") @source("test")
                    @title("Test rule") @action("none") @threshold("none")
                when
                    $s : Study( )
                    eval( suspicious($s) )
                then
                end
                """);
        assertRuleFailed(r, "A local rule with a failing eval");
        assertTrue(r.err().contains("eval defect"), r.err());
    }

    @Test
    void aLocalRuleWhoseActionRecursesWithoutEndIsNamed() throws Exception {
        CliTest.Run r = auditWith("""
                function int deeper(int n) { return deeper(n + 1) + 1; }
                rule "A local rule that recurses"
                    @ruleId("LOCAL_RECURSION") @severity("INFO") @scope("study") @source("test")
                    @title("Test rule") @action("none") @threshold("none")
                when
                    Study( )
                then
                    deeper(0);
                end
                """);
        assertRuleFailed(r, "A local rule that recurses");
        assertTrue(r.err().contains("StackOverflowError"), r.err());
    }

    @Test
    void aLocalRuleWhoseConditionRecursesWithoutEndIsNamed() throws Exception {
        CliTest.Run r = auditWith("""
                function boolean deeper(int n) { return deeper(n + 1); }
                rule "A local rule whose condition recurses"
                    @ruleId("LOCAL_LHS_RECURSION") @severity("INFO") @scope("study") @source("test")
                    @title("Test rule") @action("none") @threshold("none")
                when
                    Study( deeper(0) )
                then
                end
                """);
        assertRuleFailed(r, "A local rule whose condition recurses");
        assertTrue(r.err().contains("StackOverflowError"), r.err());
    }

    private CliTest.Run auditWith(String localRule) throws IOException {
        Path rules = dir.resolve("rules");
        Path source = RuleSet.defaultRules();
        try (var files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = rules.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Files.writeString(rules.resolve("policy").resolve("local-broken.drl"), HEAD + localRule);
        Path log = new AuditFixture().row("accession_number", "A1").row("accession_number", "A2", "patient_id", "MRN2")
                .write(dir, "log.csv");
        return CliTest.run("audit", log.toString(), "--rules", rules.toString(), "--no-history",
                "--out", dir.resolve("out").toString());
    }

    private void assertRuleFailed(CliTest.Run r, String rule) throws IOException {
        assertEquals(ExitCode.RULES_INVALID, r.code(), r.err());
        assertTrue(r.err().startsWith("alara-audit: a rule failed while auditing: "), r.err());
        assertTrue(r.err().contains("\"" + rule + "\""), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(dir.resolve("out")) && Files.list(dir.resolve("out")).findAny().isPresent(), "nothing written");
    }
}

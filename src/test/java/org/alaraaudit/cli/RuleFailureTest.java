package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local rule whose action fails while running is a policy problem: exit 4, the rule named, no stack trace. */
class RuleFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFailingLocalRuleStopsTheAuditWithItsName() throws Exception {
        Path rules = dir.resolve("rules");
        Path source = RuleSet.defaultRules();
        try (var files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = rules.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Files.writeString(rules.resolve("policy").resolve("local-broken.drl"), """
                package org.alaraaudit.rules.policy;
                import org.alaraaudit.model.Study;
                rule "A local rule with a defect"
                    @ruleId("LOCAL_BROKEN") @severity("INFO") @scope("study") @source("test")
                when
                    Study( )
                then
                    throw new IllegalStateException("local rule defect");
                end
                """);
        Path log = new AuditFixture().row("accession_number", "A1").write(dir, "log.csv");
        CliTest.Run r = CliTest.run("audit", log.toString(), "--rules", rules.toString(), "--no-history",
                "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.RULES_INVALID, r.code(), r.err());
        assertTrue(r.err().contains("a rule failed while auditing"), r.err());
        assertTrue(r.err().contains("A local rule with a defect") && r.err().contains("local rule defect"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}

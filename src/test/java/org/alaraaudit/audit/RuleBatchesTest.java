package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules run on a second thread; a rule that fails there fails the audit on its own thread, not silently. */
class RuleBatchesTest {
    @TempDir
    Path dir;

    @Test
    void aRuleThatThrowsFailsTheAudit() throws Exception {
        Path rules = AuditFixture.copyDefaultRules(dir.resolve("rules"));
        Files.writeString(rules.resolve("policy").resolve("local-broken.drl"), """
                package org.alaraaudit.rules.policy;
                import org.alaraaudit.model.Study;
                rule "A local rule with a defect"
                    @ruleId("LOCAL_BROKEN") @severity("INFO") @scope("study") @source("test")
                    @title("Test rule") @action("none") @threshold("none")
                when
                    Study( accessionNumber == "BROKEN" )
                then
                    throw new IllegalStateException("local rule defect");
                end
                """);
        RuleSet rs = RuleSet.load(rules);
        AuditFixture ok = new AuditFixture().rules(rs).row("accession_number", "FINE");
        assertTrue(ok.audit(dir).rows().reconciles(), "the rule set itself loads and runs");
        AuditFixture broken = new AuditFixture().rules(rs).row("accession_number", "BROKEN");
        RuntimeException e = assertThrows(RuntimeException.class, () -> broken.audit(dir));
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        assertEquals("local rule defect", root.getMessage());
    }

    @Test
    void findingsDoNotDependOnHowTheThreadsInterleave() {
        // The sample month has far more facts than one batch: several go through the queue.
        List<org.alaraaudit.model.Finding> a = new AuditFixture().auditFiles(List.of(Path.of("sample-data", "scan-log-2026-10.csv"))).findings().stream().toList();
        List<org.alaraaudit.model.Finding> b = new AuditFixture().auditFiles(List.of(Path.of("sample-data", "scan-log-2026-10.csv"))).findings().stream().toList();
        assertEquals(a, b, "the same findings in the same order, run after run");
    }
}

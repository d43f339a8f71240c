package org.alaraaudit.spark;

import java.nio.file.Path;
import org.alaraaudit.audit.DoseHistory;
import org.alaraaudit.audit.PatientDoses;
import org.alaraaudit.rules.Policy;
import org.alaraaudit.rules.RuleEngine;
import org.alaraaudit.rules.RuleSet;

/**
 * The compiled rule base and what is built from it, once per executor JVM: compiling the rules takes seconds,
 * and a task is one partition, so building them per task would cost more than auditing. Tasks of one run share
 * the settings; a JVM that serves a run with other settings builds them anew.
 */
final class ExecutorRules {
    private static ExecutorRules current;

    final AuditSettings settings;
    final RuleSet ruleSet;
    final Policy policy;
    final RuleEngine engine;
    final PatientDoses doses;

    private ExecutorRules(AuditSettings settings) {
        this.settings = settings;
        this.ruleSet = RuleSet.load(settings.rules() == null ? null : Path.of(settings.rules()));
        this.policy = ruleSet.tables().policy().withPediatricAge(settings.pediatricAgeYears()).withDrlSet(settings.drlSet());
        ruleSet.tables().referenceLevels().set(policy.getDrlSet());
        this.engine = new RuleEngine(ruleSet, policy);
        this.doses = new PatientDoses(engine.estimates(), ruleSet.tables().cumulativeDose(), policy.getCumulativeWindowDays(),
                DoseHistory.NONE);
    }

    static synchronized ExecutorRules of(AuditSettings settings) {
        if (current == null || !current.settings.equals(settings)) current = new ExecutorRules(settings);
        return current;
    }
}

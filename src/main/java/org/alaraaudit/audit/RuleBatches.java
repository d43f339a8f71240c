package org.alaraaudit.audit;

import java.util.List;
import org.alaraaudit.audit.spill.FindingLog;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.RuleEngine;

/**
 * Runs the rules over batches of patients on a second thread while the audit's own thread reads back, assembles
 * and tallies the next patients. Batches are independent sessions, so only the findings log is shared, and only
 * the rules' thread adds to it until {@link #finish()} returns. At most six batches wait (a few MB), enough to
 * even out the two threads.
 */
final class RuleBatches implements AutoCloseable {
    private record Batch(List<List<Study>> studies, List<List<?>> facts) {}

    private final HandOff<Batch> handOff;

    RuleBatches(RuleEngine engine, FindingLog.Builder findings) {
        this.handOff = new HandOff<>("alara-audit-rules", 6, b -> findings.addAll(engine.evaluatePatients(b.studies(), b.facts())));
    }

    /**
     * Hands over one batch: the lists, the outer and each patient's, become the rules' thread's, so the caller
     * starts new ones rather than clearing these (copying them was 3% of the audit's own thread).
     */
    void submit(List<List<Study>> studies, List<List<?>> facts) {
        handOff.submit(new Batch(studies, facts));
    }

    /** Waits for the last batch; a failure of the rules is thrown here, on the audit's thread. */
    void finish() { handOff.finish(); }

    @Override
    public void close() { handOff.close(); }
}

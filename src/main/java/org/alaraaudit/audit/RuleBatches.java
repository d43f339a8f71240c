package org.alaraaudit.audit;

import java.util.ArrayList;
import java.util.Collection;
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

    /** Hands over one batch; the lists are copied, so the caller may clear and refill its own. */
    void submit(List<? extends Collection<Study>> studies, List<? extends Collection<?>> facts) {
        List<List<Study>> s = new ArrayList<>(studies.size());
        for (Collection<Study> c : studies) s.add(List.copyOf(c));
        List<List<?>> f = new ArrayList<>(facts.size());
        for (Collection<?> c : facts) f.add(List.copyOf(c));
        handOff.submit(new Batch(s, f));
    }

    /** Waits for the last batch; a failure of the rules is thrown here, on the audit's thread. */
    void finish() { handOff.finish(); }

    @Override
    public void close() { handOff.close(); }
}

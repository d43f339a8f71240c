package org.alaraaudit.rules;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.ImagingAlternative;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.model.Study;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieSession;

/**
 * Runs the rules: short-lived sessions over a batch of patients ({@link #evaluatePatients}), so memory is
 * bounded by a batch rather than the input, and one session over the period's aggregates for rules that look
 * across patients.
 */
public final class RuleEngine {
    private final KieBase kieBase;
    private final Policy policy;
    private final DoseEstimates estimates;
    private final List<ImagingAlternative> alternatives;
    private final Set<String> globals = new HashSet<>();

    public RuleEngine(RuleSet ruleSet, Policy policy) {
        this.kieBase = ruleSet.kieBase();
        this.policy = policy;
        this.estimates = new DoseEstimates(ruleSet.tables(), policy);
        this.alternatives = ruleSet.tables().alternatives();
        for (KiePackage p : kieBase.getKiePackages()) {
            p.getGlobalVariables().forEach(g -> globals.add(g.getName()));
        }
    }

    /**
     * Several patients in one session: each entry of {@code studiesByPatient} is one patient's studies and the
     * entry of {@code factsByPatient} at the same index that patient's own facts. Rules that relate facts to each
     * other join on the patient ({@code patientRef ==}) or the study ({@code study ==}), so patients never meet;
     * one session per batch of about {@link #BATCH_FACTS} facts saves building and tearing down a session (and
     * the rule network's memories) for every patient, which was most of the rule time.
     */
    public List<Finding> evaluatePatients(List<? extends Collection<Study>> studiesByPatient,
                                          List<? extends Collection<?>> factsByPatient) {
        return evaluate(session -> {
            alternatives.forEach(session::insert);
            for (int i = 0; i < studiesByPatient.size(); i++) {
                factsByPatient.get(i).forEach(session::insert);
                insertStudies(session, studiesByPatient.get(i));
            }
        }, null);
    }

    /** About how many facts one batched session takes: big enough to amortise the session, small enough to stay cheap. */
    public static final int BATCH_FACTS = 10_000;

    /**
     * Period-level facts (protocol use, DRL groups, cumulative doses) of the period {@code from} to {@code to}, which
     * the ids of the findings on the period's figures name.
     */
    public List<Finding> evaluatePeriod(Collection<?> facts, java.time.LocalDate from, java.time.LocalDate to) {
        return evaluate(session -> facts.forEach(session::insert), from + ".." + to);
    }

    /**
     * How many firings a session may take: this many per fact it started with, plus {@link #FIRINGS_BASE}. The
     * default rules fire at most 0.26 times per fact on the sample month (each finding is one firing), so this is
     * some eighty times what they need; a rule whose action keeps matching its own condition fires without end,
     * and would hang the audit (or fill the memory with its findings).
     */
    static final int FIRINGS_PER_FACT = 20;
    static final int FIRINGS_BASE = 10_000;

    /**
     * One session: its facts inserted, its rules fired up to the limit, its findings collected. Any failure inside
     * a rule, of its condition (evaluated as facts are inserted and as rules fire) or of its action, stack
     * overflows included, comes out as a {@link RuleFailedException} that names the rule.
     */
    private List<Finding> evaluate(Consumer<KieSession> insert, String period) {
        KieSession session = newSession();
        FindingCollector collector = collector(session, period);
        RuleWatch watch = new RuleWatch(kieBase);
        session.addEventListener(watch);
        try {
            insert.accept(session);
            long facts = session.getFactCount();
            int limit = (int) Math.min(Integer.MAX_VALUE, FIRINGS_BASE + FIRINGS_PER_FACT * facts);
            int fired = session.fireAllRules(limit);
            if (fired >= limit && session.fireAllRules(1) > 0) throw watch.loop(facts);
            return collector.drain();
        } catch (RuleFailedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            // Out of memory is not the rule's doing, whichever rule was running: it is left to the caller.
            throw watch.failure(e);
        } finally {
            session.dispose();
        }
    }

    private static void insertStudies(KieSession session, Collection<Study> studies) {
        for (Study s : studies) {
            session.insert(s);
            for (IrradiationEvent e : s.getEvents()) session.insert(e);
        }
    }

    private KieSession newSession() {
        KieSession session = kieBase.newKieSession();
        if (globals.contains("policy")) session.setGlobal("policy", policy);
        if (globals.contains("estimates")) session.setGlobal("estimates", estimates);
        return session;
    }

    public DoseEstimates estimates() { return estimates; }

    private FindingCollector collector(KieSession session, String period) {
        FindingCollector c = new FindingCollector(period);
        if (globals.contains("findings")) session.setGlobal("findings", c);
        return c;
    }
}

package org.alaraaudit.rules;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Watches one rule session so that a failure can name its rule: which rule's action is running, and how often
 * each rule has fired. Drools names the rule of a failing constraint in its message, wraps an exception of an
 * action with the rule, but lets a StackOverflowError go bare and says nothing of a rule that fires forever.
 */
final class RuleWatch extends DefaultAgendaEventListener {
    /** Drools' message for a failing constraint: {@code Error evaluating constraint 'x' in [Rule "Name" in file.drl]}. */
    private static final Pattern CONSTRAINT = Pattern.compile("in \\[Rules? (\"[^\"]*\"(?:, \"[^\"]*\")*) in ([^\\]\\s]+)]");

    private final KieBase kieBase;
    private final Map<Rule, long[]> firings = new HashMap<>();
    private Rule firing;

    RuleWatch(KieBase kieBase) { this.kieBase = kieBase; }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch().getRule();
        firings.computeIfAbsent(firing, r -> new long[1])[0]++;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) { firing = null; }

    /** The rule that fired most: in a session that does not settle, the one that keeps firing. */
    RuleFailedException loop(long facts) {
        Rule most = null;
        long count = 0;
        for (Map.Entry<Rule, long[]> e : firings.entrySet()) {
            if (e.getValue()[0] > count) {
                most = e.getKey();
                count = e.getValue()[0];
            }
        }
        String name = most == null ? null : most.getName();
        return new RuleFailedException(name, (most == null ? "the rules" : describe(most)) + " kept firing (" + count
                + " times in a session of " + facts + " facts) and was stopped: its action changes a fact its condition"
                + " matches again; add no-loop, or a condition the change makes false", null);
    }

    /** The failure of a rule's condition or action, with the rule it happened in, as far as it can be told. */
    RuleFailedException failure(Throwable t) {
        String what = cause(t);
        for (Throwable c = t; c != null; c = c.getCause()) {
            Matcher m = c.getClass().getSimpleName().equals("ConstraintEvaluationException") && c.getMessage() != null
                    ? CONSTRAINT.matcher(c.getMessage()) : null;
            if (m != null && m.find()) {
                String names = m.group(1);
                String name = names.substring(1, names.indexOf('"', 1));
                String file = m.group(2).substring(m.group(2).lastIndexOf('/') + 1);
                Rule rule = names.contains(",") ? null : rule(name);
                String who = rule != null ? describe(rule) : (names.contains(",") ? "rules " : "rule ") + names;
                return new RuleFailedException(name, who + " in " + file + ": its condition failed: " + what, t);
            }
        }
        if (firing != null) return new RuleFailedException(firing.getName(), describe(firing) + ": its action failed: " + what, t);
        Rule generated = ruleOfGeneratedCode(t);
        if (generated != null) {
            return new RuleFailedException(generated.getName(), describe(generated) + ": its condition failed: " + what, t);
        }
        // A stack overflow keeps only its deepest frames: a function's, never the rule that called it.
        String function = functionOf(t);
        return new RuleFailedException(null, "a rule's condition failed" + (function == null ? "" : " in function " + function)
                + ": " + what, t);
    }

    private Rule rule(String name) {
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) if (r.getName().equals(name)) return r;
        }
        return null;
    }

    private static String describe(Rule r) {
        Object id = r.getMetaData().get("ruleId");
        return "rule \"" + r.getName() + "\"" + (id == null ? "" : " (" + unquoted(id.toString()) + ")");
    }

    private static String unquoted(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** The innermost cause, as "StackOverflowError" or "IllegalStateException: local rule defect". */
    private static String cause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage();
        if (root instanceof StackOverflowError) return "StackOverflowError (it recurses without end)";
        return root.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.replaceAll("\\s+", " ").trim());
    }

    /**
     * Drools compiles a rule's conditions and action into classes named after it ({@code Rule_Local_check0Eval0Invoker}
     * for rule "Local check"); the nearest such frame names the rule.
     */
    private Rule ruleOfGeneratedCode(Throwable t) {
        Map<String, Rule> byClassPrefix = new HashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) byClassPrefix.put(p.getName() + ".Rule_" + r.getName().replaceAll("\\W", "_"), r);
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            for (StackTraceElement frame : c.getStackTrace()) {
                Rule best = null;
                int length = 0;
                for (Map.Entry<String, Rule> e : byClassPrefix.entrySet()) {
                    String cls = frame.getClassName();
                    if (cls.startsWith(e.getKey()) && cls.length() > e.getKey().length()
                            && Character.isDigit(cls.charAt(e.getKey().length())) && e.getKey().length() > length) {
                        best = e.getValue();
                        length = e.getKey().length();
                    }
                }
                if (best != null) return best;
            }
            if (c.getCause() == c) break;
        }
        return null;
    }

    /** The top frame in a rules package: a DRL function ({@code function boolean deep(...)}) lives in a class of its own. */
    private String functionOf(Throwable t) {
        Collection<KiePackage> packages = kieBase.getKiePackages();
        for (StackTraceElement frame : t.getStackTrace()) {
            for (KiePackage p : packages) {
                String cls = frame.getClassName();
                if (cls.startsWith(p.getName() + ".") && cls.indexOf('.', p.getName().length() + 1) < 0) {
                    return frame.getMethodName() + " (" + p.getName() + ")";
                }
            }
        }
        return null;
    }
}

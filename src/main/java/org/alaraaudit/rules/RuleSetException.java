package org.alaraaudit.rules;

import java.util.List;

/** Rules that do not compile or tables that do not parse: the run stops (exit 4), naming each file and line. */
public class RuleSetException extends RuntimeException {
    private final List<String> problems;

    public RuleSetException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}

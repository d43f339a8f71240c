package org.alaraaudit.rules.check;

import java.util.List;
import java.util.Set;

/** One case's outcome: the rule ids it expected to fire and not to fire, those that fired, and what went wrong. */
public record CaseResult(String file, String accession, Set<String> expected, Set<String> expectedNot, Set<String> fired,
                         List<String> problems) {
    public boolean passed() { return problems.isEmpty(); }
}

package org.alaraaudit.audit.check;

import java.util.List;
import java.util.Set;

/**
 * One case's outcome: the rule ids it expected to fire and not to fire, those that fired, and what went wrong. A
 * supporting study (no expectations of its own) has an outcome only when a row of it was rejected: it is not a case,
 * but the cases leaning on it then test something else.
 */
public record CaseResult(String file, String accession, Set<String> expected, Set<String> expectedNot, Set<String> fired,
                         List<String> problems, boolean supporting) {
    public boolean passed() { return problems.isEmpty(); }
}

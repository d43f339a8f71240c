/**
 * Rule test cases: case files (a canonical scan log with the rule ids each study must and must not raise) are
 * audited with the rules in use and each case is judged passed or failed. It stands after the audit, in this
 * package and not in {@code rules}, because a case is checked against what a whole audit finds, not against one
 * rule in isolation: {@code rules} knows nothing of {@code audit}.
 */
package org.alaraaudit.audit.check;

package org.alaraaudit.audit.check;

/** The input cannot be used as rule test cases: no such file, not CSV, no expectation columns. */
public final class CasesUnusable extends RuntimeException {
    CasesUnusable(String message) { super(message); }
}

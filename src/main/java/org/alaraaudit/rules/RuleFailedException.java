package org.alaraaudit.rules;

/**
 * A rule that failed while the audit ran: its condition or its action threw (a stack overflow included), or it
 * kept firing without end. Most likely a local rule, so a policy problem the message names, not a defect of the
 * tool.
 */
public final class RuleFailedException extends RuntimeException {
    private final String rule;

    RuleFailedException(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    /** The rule's name, or null when it could not be told. */
    public String rule() { return rule; }
}

package org.alaraaudit.cli;

/** The exit codes the README documents ("Exit codes"), which schedulers rely on. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FINDINGS_AT_FAIL_LEVEL = 1;
    public static final int USAGE = 2;
    public static final int INPUT_UNUSABLE = 3;
    public static final int RULES_INVALID = 4;
    public static final int OUTPUT_FAILED = 5;
    /** Not a user error: a defect of the tool. */
    public static final int INTERNAL = 70;

    private ExitCode() {}
}

package org.alaraaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.alaraaudit.history.HistoryException;
import org.alaraaudit.model.TableException;
import org.alaraaudit.rules.RuleSetException;
import org.alaraaudit.scanlog.ScanLogException;
import org.alaraaudit.scanlog.SiteSecret;
import picocli.CommandLine;

/**
 * Turns failures into one clear message and the documented exit code; the stack trace only with --verbose,
 * since the person reading is a safety officer, not a Java developer.
 */
final class ErrorReport implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean verbose = parsed != null && verbose(parsed);
        int code;
        if (ex instanceof ScanLogException) {
            err.println("alara-audit: input unusable: " + ex.getMessage());
            code = ExitCode.INPUT_UNUSABLE;
        } else if (ex instanceof SiteSecret.Unusable) {
            // The user's configuration, not the tool: exit 3 like any input the run cannot use.
            err.println("alara-audit: " + ex.getMessage());
            code = ExitCode.INPUT_UNUSABLE;
        } else if (ex instanceof RuleSetException rs) {
            err.println("alara-audit: the rules cannot be used:");
            rs.problems().forEach(p -> err.println("  " + p));
            code = ExitCode.RULES_INVALID;
        } else if (ex instanceof TableException) {
            err.println("alara-audit: the rules cannot be used: ERROR " + ex.getMessage());
            code = ExitCode.RULES_INVALID;
        } else if (ex instanceof org.kie.api.runtime.rule.ConsequenceException) {
            // A rule's action failed while running (most likely a local rule): a policy problem, not the tool's.
            err.println("alara-audit: a rule failed while auditing: " + ex.getMessage());
            code = ExitCode.RULES_INVALID;
        } else if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
            err.println("alara-audit: " + ex.getMessage());
            code = ExitCode.USAGE;
        } else if (ex instanceof HistoryException) {
            err.println("alara-audit: history store: " + ex.getMessage());
            code = ExitCode.OUTPUT_FAILED;
        } else if (ex instanceof OutputException || ex instanceof IOException || ex instanceof UncheckedIOException) {
            err.println("alara-audit: cannot write the reports: " + ex.getMessage());
            code = ExitCode.OUTPUT_FAILED;
        } else {
            err.println("alara-audit: internal error: " + ex + (verbose ? "" : " (run again with --verbose for details)"));
            code = ExitCode.INTERNAL;
        }
        if (verbose) ex.printStackTrace(err);
        err.flush();
        return code;
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) return true;
        }
        return false;
    }

    /** A usage error found after parsing (a format not available, a bad period). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) { super(message); }
    }

    /** A report or store that could not be written. */
    static final class OutputException extends RuntimeException {
        OutputException(String message, Throwable cause) { super(message, cause); }
    }
}

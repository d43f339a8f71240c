package org.alaraaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.alaraaudit.history.HistoryException;
import org.alaraaudit.model.TableException;
import org.alaraaudit.report.pdf.LogoException;
import org.alaraaudit.rules.RuleFailedException;
import org.alaraaudit.rules.RuleSetException;
import org.alaraaudit.scanlog.ScanLogException;
import org.alaraaudit.scanlog.SiteSecret;
import picocli.CommandLine;

/**
 * Turns failures into one clear message and the documented exit code; the stack trace only with --verbose,
 * since the person reading is a safety officer, not a Java developer. Java errors (out of memory, a stack
 * overflow) are failures like any other: picocli lets them escape {@code execute}, where the JVM would print a
 * stack trace and exit 1, the code that means "findings at --fail-on" to a scheduler; {@link #execute} hands
 * them here instead.
 */
final class ErrorReport implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        // Messages quote file names and cells of the input: escaped, they cannot drive the terminal or forge a line.
        PrintWriter err = org.alaraaudit.scanlog.TerminalText.escaping(cmd.getErr());
        try {
            // An Error is handed over wrapped (see execute): report the Error itself.
            Throwable failure = ex instanceof CommandLine.ExecutionException && ex.getCause() instanceof Error e ? e : ex;
            int code = report(failure, err, cmd.getErr(), parsed != null && verbose(parsed));
            // A value the command checked is a usage error like one picocli refuses, and points to the same help.
            if (code == ExitCode.USAGE) {
                err.println(tryHelp(cmd));
                err.flush();
            }
            return code;
        } catch (Throwable broken) {
            // The report itself failed (out of memory again, a writer that throws): still one line and code 70.
            return lastResort(err, broken);
        }
    }

    /**
     * What picocli refuses while parsing (an unknown option, a value it cannot convert, a missing parameter) and what a
     * command throws as a {@link CommandLine.ParameterException}: the error with the tool's prefix, then picocli's
     * suggestion where it has one and where to find the help. picocli's own handler prints the whole help after the
     * error, some 40 lines that push the one line that matters off the screen. Set once on the root command line, it
     * serves every subcommand.
     */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        // The message echoes the user's arguments: escaped like every other message.
        PrintWriter err = org.alaraaudit.scanlog.TerminalText.escaping(cmd.getErr());
        try {
            err.println("alara-audit: " + plainWords(ex.getMessage()));
            String suggestion = suggestion(ex);
            err.println((suggestion == null ? "" : suggestion + " ") + tryHelp(cmd));
            err.flush();
            return ExitCode.USAGE;
        } catch (Throwable broken) {
            return lastResort(err, broken);
        }
    }

    /** Where the command's options are listed: the line every usage error ends with. */
    static String tryHelp(CommandLine cmd) {
        return "Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.";
    }

    /** picocli's near matches of a mistyped option or command ("did you mean --period?"), or null when it has none. */
    private static String suggestion(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)) return null;
        java.util.List<String> near = unmatched.getSuggestions();
        if (near.isEmpty()) return null;
        return "Did you mean " + String.join(" or ", near) + "?";
    }

    /** picocli names the Java type a value failed to convert to; a safety officer needs to hear that a number was expected. */
    static String plainWords(String message) {
        if (message == null) return "the command line cannot be read";
        return message.replaceFirst("' is not a (double|float)$", "' is not a number")
                .replaceFirst("' is not an? (int|long|short|byte)$", "' is not a whole number");
    }

    /**
     * The execution strategy: picocli's usual one, with what it would not hand to the handler above passed on to
     * it: Java errors, and an exception picocli itself trips over (whose message cannot be built, say), which it
     * would print with its stack trace.
     */
    static int execute(CommandLine.ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (CommandLine.ExecutionException | CommandLine.ParameterException e) {
            throw e;
        } catch (Error | RuntimeException e) {
            java.util.List<CommandLine> commands = parsed.asCommandLineList();
            // No message from e here: building it is what may have failed.
            throw new CommandLine.ExecutionException(commands.get(commands.size() - 1), "the command failed", e);
        }
    }

    /** {@code err} escapes what it prints; {@code raw} is the same stream unescaped, for the trace's tab-indented frames. */
    static int report(Throwable ex, PrintWriter err, PrintWriter raw, boolean verbose) {
        int code;
        if (ex instanceof ScanLogException || ex instanceof LogoException) {
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
        } else if (ex instanceof RuleFailedException) {
            // A rule failed while running (most likely a local rule): a policy problem, not the tool's.
            err.println("alara-audit: a rule failed while auditing: " + ex.getMessage());
            code = ExitCode.RULES_INVALID;
        } else if (ex instanceof ErrorReport.UsageException) {
            err.println("alara-audit: " + ex.getMessage());
            code = ExitCode.USAGE;
        } else if (ex instanceof HistoryException) {
            err.println("alara-audit: history store: " + ex.getMessage());
            code = ExitCode.OUTPUT_FAILED;
        } else if (ex instanceof OutputException || ex instanceof IOException || ex instanceof UncheckedIOException) {
            err.println("alara-audit: cannot write the reports: " + ex.getMessage());
            code = ExitCode.OUTPUT_FAILED;
        } else if (ex instanceof OutOfMemoryError) {
            err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            code = ExitCode.INTERNAL;
        } else {
            err.println("alara-audit: internal error: " + ex + (verbose ? "" : " (run again with --verbose for details)"));
            code = ExitCode.INTERNAL;
        }
        err.flush();
        if (verbose) {
            // The trace keeps its tab-indented lines; its messages, which may quote the input, are escaped.
            java.io.StringWriter trace = new java.io.StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            // The trace keeps its tab-indented lines; its messages, which may quote the input, are escaped.
            err.flush();
            trace.toString().lines().forEach(l -> raw.println(l.startsWith("\t")
                    ? "\t" + org.alaraaudit.scanlog.TerminalText.escape(l.substring(1)) : org.alaraaudit.scanlog.TerminalText.escape(l)));
        }
        err.flush();
        raw.flush();
        return code;
    }

    /**
     * The audit spills to disk in proportion to the heap, so running out of memory should not happen; when it
     * does, the cure is a larger heap, and the line says how much the run had and what to try.
     */
    static String outOfMemory(long maxHeapBytes) {
        long mb = maxHeapBytes / (1024 * 1024);
        long suggestGb = Math.max(1, (2 * mb + 1023) / 1024);
        return String.format(Locale.ROOT, "alara-audit: out of memory: the Java heap of %d MB was not enough for this run; "
                + "run it again with a larger heap, e.g. java -Xmx%dg -jar alara-audit.jar ...", mb, suggestGb);
    }

    /** For a failure of the report itself, or one that escaped picocli: still one line, and code 70. */
    static int lastResort(PrintWriter err, Throwable t) {
        try {
            err.println(t instanceof OutOfMemoryError ? outOfMemory(Runtime.getRuntime().maxMemory())
                    : "alara-audit: internal error: " + t.getClass().getName());
            err.flush();
        } catch (Throwable ignored) {
            // Nothing more can be said; the exit code still tells.
        }
        return ExitCode.INTERNAL;
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) return true;
        }
        return false;
    }

    /**
     * A report or file that could not be written, as the exit code should tell it: the file system's (exit 5) when an
     * {@link IOException} is at its root, else the defect itself (exit 70): a writer's bug is not a full disk.
     */
    static RuntimeException writeFailure(String message, Throwable e) {
        if (isIoFailure(e)) return new OutputException(message, e);
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    /** An {@link IOException}, or a runtime exception a library wrapped one in ({@link UncheckedIOException}, POI's). */
    static boolean isIoFailure(Throwable t) {
        for (int depth = 0; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof IOException) return true;
        }
        return false;
    }

    /**
     * A user error found after parsing (a bad period, a --by picocli cannot check): exit 2. The only exception
     * besides picocli's own parameter errors that means "the command line is wrong".
     */
    static final class UsageException extends RuntimeException {
        UsageException(String message) { super(message); }
    }

    /** A report or store that could not be written because the file system failed: exit 5. */
    static final class OutputException extends RuntimeException {
        OutputException(String message, Throwable cause) { super(message, cause); }
    }
}

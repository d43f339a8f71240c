package org.alaraaudit.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/** Entry point of {@code java -jar alara-audit.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // Safety net for rule files a site writes with String.format and no locale: a report reads "75.8" on
        // every machine, never "75,8" on a German one. The shipped code formats with Locale.ROOT itself.
        java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.ROOT);
        PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
        // A thread the tool does not own (a library's) that dies of an error would otherwise print a stack trace
        // and leave the run to end as if nothing happened; the tool's own threads hand their failures to the
        // thread that waits for them.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> Runtime.getRuntime().halt(ErrorReport.lastResort(err, e)));
        // This JVM runs one command and ends: a short one may tune its JIT for that (ShortRun).
        ShortRun.ownProcess();
        int code;
        try {
            code = run(args);
        } catch (Throwable t) {
            // Uncaught, the JVM would exit 1: the code for "findings at --fail-on".
            code = ErrorReport.lastResort(err, t);
        }
        System.exit(code);
    }

    /** Runs a command and returns its exit code; tests call this instead of spawning a JVM. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line; tests redirect its output streams. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AlaraAudit());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(ErrorReport::execute);
        ErrorReport errors = new ErrorReport();
        cl.setExecutionExceptionHandler(errors);
        // On the root before execute: picocli hands every subcommand's parse error to the root's handler.
        cl.setParameterExceptionHandler(errors);
        internalErrorCode(cl);
        withoutFindingsCode(cl);
        return cl;
    }

    /**
     * The exit codes each command's help lists are the top command's, inherited; only audit (and verify and rules
     * test, which list their own) ends with 1 for findings, so the others list them without it and without "findings
     * may exist".
     */
    private static void withoutFindingsCode(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            java.util.Map<String, String> codes = new java.util.LinkedHashMap<>(sub.getCommandSpec().usageMessage().exitCodeList());
            if (!sub.getCommandName().equals("audit") && codes.containsKey("1") && codes.get("1").startsWith("audit:")) {
                codes.remove("1");
                codes.put("0", "done");
                sub.getCommandSpec().usageMessage().exitCodeList(codes);
            }
            withoutFindingsCode(sub);
        }
    }

    /** picocli's code for a failure of the handler itself is 1 unless told otherwise, and 1 means findings. */
    private static void internalErrorCode(CommandLine cl) {
        cl.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL);
        cl.getSubcommands().values().forEach(Main::internalErrorCode);
    }
}

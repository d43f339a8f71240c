package org.alaraaudit.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar alara-audit.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // Safety net for rule files a site writes with String.format and no locale: a report reads "75.8" on
        // every machine, never "75,8" on a German one. The shipped code formats with Locale.ROOT itself.
        java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.ROOT);
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code; tests call this instead of spawning a JVM. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line; tests redirect its output streams. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AlaraAudit());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorReport());
        return cl;
    }
}

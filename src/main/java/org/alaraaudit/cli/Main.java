package org.alaraaudit.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar alara-audit.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
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

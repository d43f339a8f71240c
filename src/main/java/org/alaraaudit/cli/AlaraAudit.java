package org.alaraaudit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: its subcommands do the work. */
// INHERIT: every subcommand takes --help and --version, as the top command does.
@Command(name = "alara-audit", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = AlaraAudit.Version.class,
        description = "Audits exported CT and X-ray scan logs against pediatric ALARA policies and dose reference levels.",
        subcommands = {AuditCommand.class, RulesCommand.class, GenerateCommand.class, TrendCommand.class, ReviewCommand.class,
                VerifyCommand.class, PullCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (findings may exist)", "1:audit: findings at or above --fail-on", "2:usage error",
                "3:input unusable", "4:rules do not compile, a table is invalid or a rule fails", "5:report or history could not be written",
                "70:internal error, or out of memory (run with a larger -Xmx)"})
public final class AlaraAudit implements Runnable {
    @Spec
    CommandSpec spec;

    /** Read by {@link ErrorReport} from the parse result, wherever on the command line it stands. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: audit, trend, review, rules, verify or generate");
    }

    /** The version from the jar manifest, or "dev" when run from a build folder. */
    public static String version() {
        String v = AlaraAudit.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() { return new String[]{"alara-audit " + version()}; }
    }
}

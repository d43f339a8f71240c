package org.alaraaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alaraaudit.rules.RuleDescription;
import org.alaraaudit.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code alara-audit rules list|validate}: what the policy in force checks, and whether it compiles. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = AlaraAudit.Version.class,
        description = "Lists or validates the rules and tables.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Validate.class, RulesTestCommand.class})
public final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: list, validate or test");
    }

    /** The options every rules subcommand takes. */
    static final class RulesFolder {
        @Option(names = "--rules", paramLabel = "DIR", description = "Rule files and tables (default: the built-in rules).")
        Path rules;

        @Option(names = "--verbose", description = "Print stack traces of errors.")
        boolean verbose;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Each rule's id, severity, scope and source.")
    static final class ListRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesFolder folder;

        @Override
        public Integer call() {
            RuleSet rs = RuleSet.load(folder.rules);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Rules from %s (%s)%n%n", rs.location(), rs.digest());
            out.printf(Locale.ROOT, "%-34s %-9s %-17s %s%n", "RULE ID", "SEVERITY", "SCOPE", "WHEN / SOURCE");
            for (RuleDescription d : rs.rules()) {
                out.printf(Locale.ROOT, "%-34s %-9s %-17s %s%n", d.ruleId(), d.severity(), d.scope(), d.name());
                if (d.description() != null) out.printf(Locale.ROOT, "%-62s %s%n", "", d.description());
                out.printf(Locale.ROOT, "%-62s source: %s%n", "", d.source());
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Compiles the rules and checks every table.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesFolder folder;

        @Override
        public Integer call() {
            RuleSet rs = RuleSet.load(folder.rules);
            long ids = rs.rules().stream().map(RuleDescription::ruleId).distinct().count();
            spec.commandLine().getOut().printf(Locale.ROOT, "OK: %d rules (%d rule ids) compiled, tables valid; %s%n",
                    rs.rules().size(), ids, rs.digest());
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}

package org.alaraaudit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --rules DIR}: the rule files and tables a command uses, the built-in ones when not given. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", description = "Rule files and tables to use (default: the built-in rules).")
    Path folder;
}

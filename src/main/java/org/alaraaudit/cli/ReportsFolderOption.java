package org.alaraaudit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out DIR}: where a command writes its reports. */
final class ReportsFolderOption {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "Where the reports go (default: ${DEFAULT-VALUE}).")
    Path folder;
}

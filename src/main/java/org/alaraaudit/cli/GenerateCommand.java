package org.alaraaudit.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.alaraaudit.sample.GeneratorSettings;
import org.alaraaudit.sample.ScanLogGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alara-audit generate}: a realistic synthetic scan log for demos and benchmarks; same seed, same file. */
@Command(name = "generate", description = "Writes a realistic synthetic scan log (canonical CSV). Same seed and dates, same file.")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--studies", required = true, paramLabel = "N", description = "Number of studies.")
    int studies;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from", defaultValue = "2026-08-01", paramLabel = "DATE", description = "First study date (default: ${DEFAULT-VALUE}).")
    LocalDate from;

    @Option(names = "--to", defaultValue = "2026-10-31", paramLabel = "DATE", description = "Last study date (default: ${DEFAULT-VALUE}).")
    LocalDate to;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Option(names = "--split-by-month", paramLabel = "DIR", description = "Write one file per month, scan-log-YYYY-MM.csv, into DIR.")
    Path splitDir;


    @Override
    public Integer call() throws IOException {
        if (studies <= 0) throw new ErrorReport.UsageException("--studies must be a positive number");
        if (to.isBefore(from)) throw new ErrorReport.UsageException("--to " + to + " is before --from " + from);
        if (out != null && splitDir != null) throw new ErrorReport.UsageException("give either --out or --split-by-month, not both");
        ScanLogGenerator generator = new ScanLogGenerator(new GeneratorSettings(studies, seed, from, to));
        long rows;
        if (splitDir != null) {
            rows = generator.writeByMonth(splitDir, "scan-log-");
            spec.commandLine().getErr().printf("wrote %d rows into %s%n", rows, splitDir);
        } else if (out != null) {
            if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                rows = generator.write(w);
            }
            spec.commandLine().getErr().printf("wrote %d rows to %s%n", rows, out);
        } else {
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            generator.write(w);
            w.flush();
        }
        spec.commandLine().getErr().flush();
        return ExitCode.OK;
    }
}

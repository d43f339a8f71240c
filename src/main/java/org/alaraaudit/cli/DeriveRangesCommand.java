package org.alaraaudit.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alaraaudit.audit.ExpectedRangeDerivation;
import org.alaraaudit.history.HistoryStore;
import org.alaraaudit.history.ProtocolDoseQuery;
import org.alaraaudit.report.ReportFile;
import org.alaraaudit.rules.PolicyTables;
import org.alaraaudit.rules.ProtocolCatalog;
import org.alaraaudit.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alara-audit rules derive-ranges}: expected CTDIvol ranges proposed from the site's own history store. */
@Command(name = "derive-ranges", description = {
        "Proposes expected CTDIvol ranges per station, protocol and phantom from the history store.",
        "The 5th-95th percentile of the last months, as protocol-catalog rows for the safety officer to review and adopt;",
        "the catalog in use stays the authority until rows are adopted. The rows follow the protocol catalog of the",
        "--rules folder."})
final class DeriveRangesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption history;

    @Option(names = "--months", paramLabel = "N", defaultValue = "12", description = "Months of history, up to the latest stored month (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--min-studies", paramLabel = "N", defaultValue = "20", description = "Fewest studies a range rests on (default: ${DEFAULT-VALUE}).")
    int minStudies;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the rows to FILE (default: standard output).")
    Path out;

    /** Its protocol catalog is what the rows follow. */
    @Mixin
    RulesOption rules;


    @Override
    public Integer call() throws IOException {
        if (months < 1) throw new ErrorReport.UsageException("--months " + months + ": give at least 1 month");
        if (minStudies < 1) throw new ErrorReport.UsageException("--min-studies " + minStudies + ": give at least 1 study");
        ProtocolCatalog catalog = PolicyTables.load((rules.folder != null ? rules.folder : RuleSet.defaultRules()).resolve("tables")).catalog();
        HistoryStore store = history.openExisting();
        if (store == null) throw new ErrorReport.UsageException("derive-ranges reads the history store, and the system property " + StoreOption.DEFAULT_PROPERTY + " says none");
        PrintWriter err = spec.commandLine().getErr();
        ProtocolDoseQuery query = new ProtocolDoseQuery(store);
        ProtocolDoseQuery.Window window = query.window(months);
        if (window == null) {
            err.println("alara-audit: input unusable: the history store " + store.printable() + " holds no CT dose values; audit some months first");
            err.flush();
            return ExitCode.INPUT_UNUSABLE;
        }
        ExpectedRangeDerivation derivation = new ExpectedRangeDerivation(catalog, minStudies);
        ExpectedRangeDerivation.Result result = derivation.derive(query.read(window, derivation::withContrastApart));
        // Notes go where the rows do not, so standard output stays a clean CSV file.
        PrintWriter notes = out == null ? err : spec.commandLine().getOut();
        if (out == null) {
            StringWriter rows = new StringWriter();
            ExpectedRangeDerivation.write(result.proposals(), rows);
            PrintWriter o = spec.commandLine().getOut();
            o.print(rows);
            o.flush();
        } else {
            try {
                ReportFile.write(out, os -> {
                    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                    ExpectedRangeDerivation.write(result.proposals(), w);
                    w.flush();
                });
            } catch (IOException | RuntimeException e) {
                throw ErrorReport.writeFailure(out + ": " + e.getMessage(), e);
            }
        }
        notes.printf(Locale.ROOT, "%d expected range%s proposed from %s to %s (%s), at least %d studies each%s%n",
                result.proposals().size(), result.proposals().size() == 1 ? "" : "s", window.from(), window.to(),
                store.printable(), minStudies, out == null ? "" : ": " + out);
        result.notes().forEach(n -> notes.println("  " + n));
        notes.flush();
        return ExitCode.OK;
    }
}

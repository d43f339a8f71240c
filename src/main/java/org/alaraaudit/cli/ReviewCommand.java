package org.alaraaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alaraaudit.history.HistoryStore;
import org.alaraaudit.history.ReviewImport;
import org.alaraaudit.history.ReviewWorkbook;
import org.alaraaudit.scanlog.ScanLogException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code alara-audit review import}: the safety officer's reviews, from the audit workbook into the history store. */
@Command(name = "review", description = "Reads the reviews a safety officer filled in on an audit workbook into the history store.",
        subcommands = {ReviewCommand.Import.class})
public final class ReviewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: import");
    }

    @Command(name = "import",
            description = "Stores review_status, justification, reviewer and reviewed_on of each finding on the workbook's Findings "
                    + "sheet(s) against its finding_id. Rows with an unknown finding id, edited identifying columns or an invalid "
                    + "status are reported by row and ignored.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "WORKBOOK", description = "An audit-PERIOD.xlsx written by alara-audit audit.")
        Path workbook;

        @Mixin
        StoreOption history;


        @Override
        public Integer call() {
            HistoryStore store = history.openExisting();
            if (store == null) throw new ErrorReport.UsageException("review import writes the history store, and the system property " + StoreOption.DEFAULT_PROPERTY + " says none");
            ReviewImport.Summary s;
            try {
                s = new ReviewImport(store, Clock.systemUTC()).importWorkbook(workbook);
            } catch (ReviewWorkbook.UnusableException e) {
                throw new ScanLogException(e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Reviews from %s (sha256 %s) into %s%n", s.workbook(), s.sha256().substring(0, 16), store.printable());
            out.printf(Locale.ROOT, "  %d finding rows read: %d imported, %d unchanged, %d without a review, %d ignored%n",
                    s.rows(), s.imported(), s.unchanged(), s.notReviewed(), s.ignored().size());
            for (ReviewImport.Ignored i : s.ignored()) out.printf(Locale.ROOT, "  ignored %s: %s%n", i.where(), i.reason());
            out.flush();
            return ExitCode.OK;
        }
    }
}

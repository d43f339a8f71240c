package org.alaraaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.alaraaudit.history.HistoryStore;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.StepRule;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.history.trend.TrendQuery;
import org.alaraaudit.report.trend.TrendPdf;
import org.alaraaudit.report.trend.TrendText;
import org.alaraaudit.report.trend.TrendWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alara-audit trend}: month-over-month figures from the history store, as PDF and workbook. */
@Command(name = "trend", description = "Trend report (PDF, Excel and an HTML dashboard) from the history store: per month the studies, "
                + "pediatric protocol compliance, repeat rate, findings per 100 studies and median doses against the DRLs. The "
                + "median-step threshold is the --rules folder's tables/settings.csv.")
public final class TrendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "YYYY-MM", description = "First month (default: the earliest audited month in the store).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM", description = "Last month (default: the latest audited month in the store).")
    String to;

    @Option(names = "--by", paramLabel = "facility|station|protocol", description = "What each series is: a facility (default), a station or a protocol. Dose medians are never pooled across facilities.")
    String by;

    @Mixin
    ReportsFolderOption out;

    /** Its tables/settings.csv sets the median-step threshold. */
    @Mixin
    RulesOption rules;

    @Mixin
    StoreOption history;


    @Override
    public Integer call() {
        YearMonth first = month("--from", from);
        YearMonth last = month("--to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new ErrorReport.UsageException("--to " + last + " is before --from " + first);
        }
        Grouping grouping;
        try {
            grouping = Grouping.parse(by);
        } catch (IllegalArgumentException e) {
            throw new ErrorReport.UsageException(e.getMessage());
        }
        // The dashboard's charting library is checked before any work: a jar whose copy differs is a defect (exit 70).
        org.alaraaudit.report.html.ChartLibrary.script();
        StepRule rule = StepRule.load(rules.folder);
        HistoryStore store = history.openExisting();
        if (store == null) throw new ErrorReport.UsageException("trend reads the history store, and the system property " + StoreOption.DEFAULT_PROPERTY + " says none");
        Trend trend = new TrendQuery(store).load(first, last, grouping, rule);
        PrintWriter err = spec.commandLine().getErr();
        if (trend == null) {
            err.println("alara-audit: input unusable: the history store " + store.printable() + " holds no audited study"
                    + (first == null && last == null ? "" : " from " + (first == null ? "the start" : first) + " to " + (last == null ? "the end" : last))
                    + "; audit some months first");
            err.flush();
            return ExitCode.INPUT_UNUSABLE;
        }
        Instant now = Instant.now();
        Path pdf = out.folder.resolve("trend-" + trend.label() + ".pdf");
        Path xlsx = out.folder.resolve("trend-" + trend.label() + ".xlsx");
        Path html = out.folder.resolve("trend-" + trend.label() + ".html");
        // Read before anything is written: a store that cannot be read is not a report that could not be written.
        java.util.List<String> sources = org.alaraaudit.report.trend.DrlCitations.of(store, trend,
                (rules.folder != null ? rules.folder : org.alaraaudit.rules.RuleSet.defaultRules()).resolve("tables"));
        try {
            Files.createDirectories(out.folder);
            TrendPdf.write(trend, sources, now, pdf);
            TrendWorkbook.write(trend, sources, now, xlsx);
            org.alaraaudit.report.html.TrendDashboard.write(trend, sources, now, html);
        } catch (IOException | RuntimeException e) {
            throw ErrorReport.writeFailure(out.folder + ": " + e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        long studies = trend.months().stream().mapToLong(m -> m.studies()).sum();
        long beyond = trend.steps().stream().filter(org.alaraaudit.history.trend.MedianStep::beyondSampling).count();
        o.printf(java.util.Locale.ROOT, "Trend %s to %s: %d studies in %d months%s; %d protocol median step%s of more than %s%s.%n", trend.from(),
                trend.to(), studies, trend.monthList().size(), grouping == Grouping.ALL ? "" : ", by " + grouping.label(),
                trend.steps().size(), trend.steps().size() == 1 ? "" : "s", TrendText.percentText(rule.fraction()),
                trend.steps().isEmpty() ? "" : ", " + beyond + " beyond the months' sampling spread");
        o.println("Reports: " + pdf);
        o.println("         " + xlsx);
        o.println("         " + html);
        o.flush();
        return ExitCode.OK;
    }

    private static YearMonth month(String option, String value) {
        if (value == null) return null;
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ErrorReport.UsageException(option + " " + value + ": expected a month as YYYY-MM");
        }
    }
}

package org.alaraaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditRequest;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.ConcurrentReports;
import org.alaraaudit.report.ReportFile;
import org.alaraaudit.report.ReportFolder;
import org.alaraaudit.report.pdf.ReportTemplate;
import org.alaraaudit.report.pdf.TemplateException;
import org.alaraaudit.report.set.ReportSet;
import org.alaraaudit.rules.NumericSetting;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.scanlog.DataFolder;
import org.alaraaudit.scanlog.ProfileCatalog;
import org.alaraaudit.scanlog.ScanLogException;
import org.alaraaudit.scanlog.ScanLogInput;
import org.alaraaudit.scanlog.ScanLogOptions;
import org.alaraaudit.scanlog.SiteSecret;
import org.alaraaudit.scanlog.SpillFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alara-audit audit INPUT...}: the monthly job. */
@Command(name = "audit", description = "Audits scan-log files (or folders of them) and writes the reports.")
public final class AuditCommand implements Callable<Integer> {
    /** Names of the reports audit and trend write that a folder walk would take for scan logs (csv, xlsx). */
    static final Pattern OWN_REPORT = Pattern.compile(
            "findings\\.csv|rejected\\.csv|(audit|trend)-(\\d{4}-\\d{2}|\\d{4}-\\d{2}(-\\d{2})?_\\d{4}-\\d{2}(-\\d{2})?|all)\\.xlsx");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "Scan-log files, DICOM dose reports, or folders of them.")
    List<Path> inputs = new ArrayList<>();

    @Mixin
    DicomWebOptions dicomweb;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "Audit this calendar month; earlier studies serve as history.")
    String period;

    @Option(names = "--from", paramLabel = "DATE", description = "First day of the audit period (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of the audit period (YYYY-MM-DD).")
    String to;

    @Mixin
    RulesOption rules;

    @Mixin
    ReportsFolderOption out;

    @Option(names = "--format", paramLabel = "LIST", split = ",", description = "Outputs: pdf, xlsx, csv, json, html (default: pdf, xlsx, csv, json).")
    List<String> formats;

    @Option(names = "--template", paramLabel = "NAME-or-DIR", defaultValue = "default", description = "Report template (default: ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--institution", paramLabel = "TEXT", description = "Institution name on the reports.")
    String institution;

    @Option(names = "--pediatric-age", paramLabel = "YEARS", description = "Pediatric limit in years (default: 18, from tables/settings.csv).")
    Double pediatricAge;

    @Option(names = "--drl-set", paramLabel = "NAME", description = "DRL set to compare with, e.g. US or EU (default: tables/settings.csv).")
    String drlSet;

    @Option(names = "--profile", paramLabel = "NAME-or-FILE",
            description = "Input mapping profile: canonical, openrem-ct-csv, openrem-ct-xlsx, openrem-dx-csv, openrem-dx-xlsx, openrem-rf-csv"
                    + " or a profile file (default: detected from each file's header).")
    String profile;

    @Option(names = "--sheet", paramLabel = "NAME", description = "Sheet to read in XLSX inputs (default: the profile's sheet, else the first).")
    String sheet;

    @Mixin
    HistoryOptions history;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 1 when a finding of this severity or worse exists: ${COMPLETION-CANDIDATES}.")
    Severity failOn;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show progress on a terminal (default: on).")
    boolean progress;

    @Override
    public Integer call() throws IOException {
        if (dicomweb.url == null) {
            if (inputs.isEmpty()) throw new ErrorReport.UsageException("give scan-log files or folders, or --dicomweb URL");
            return audit();
        }
        AuditPeriod p = period();
        if (p.from() == null || p.to() == null) throw new ErrorReport.UsageException("--dicomweb needs --period or --from and --to");
        // The pulled reports are read like a folder of DICOM JSON files, which is removed when the run ends.
        try (DicomWebOptions.Pulled pulled = dicomweb.pull(p.from(), p.to(), spec.commandLine().getErr())) {
            inputs = new ArrayList<>(inputs);
            inputs.add(pulled.folder);
            return audit();
        }
    }

    private void checkDrlSet(RuleSet ruleSet) {
        java.util.Set<String> sets = new java.util.TreeSet<>(ruleSet.tables().referenceLevels().setNames());
        if (!sets.contains(drlSet)) {
            throw new ErrorReport.UsageException("--drl-set " + drlSet + ": the rules' tables have no DRL set of that name; available: "
                    + String.join(", ", sets));
        }
    }

    private Integer audit() throws IOException {
        // Pulled reports are not in inputs yet: a pull of unknown size is never taken for a short run.
        if (dicomweb.url == null) ShortRun.audit(inputs);
        Set<ReportSet.Format> wanted = formats();
        // Loaded while the template, the inputs and the store are opened; its errors still come first (exit 4).
        RuleSet.Loading loading = RuleSet.loadAhead(rules.folder);
        // The dashboard's charting library is checked before any work: a jar whose copy differs is a defect (exit 70).
        if (wanted.contains(ReportSet.Format.HTML)) org.alaraaudit.report.html.ChartLibrary.script();
        AuditPeriod auditPeriod = period();
        if (profile != null) {
            try {
                ProfileCatalog.resolve(profile);
            } catch (ScanLogException e) {
                throw new ErrorReport.UsageException("--profile: " + e.getMessage());
            }
        }
        String ageProblem = pediatricAge == null ? null : NumericSetting.PEDIATRIC_AGE_YEARS.problem(pediatricAge);
        if (ageProblem != null) throw new ErrorReport.UsageException("--pediatric-age " + pediatricAge + ": " + ageProblem);
        // Loaded for every format: the template also decides what the workbook, CSV and JSON may show.
        ReportTemplate reportTemplate = loadTemplate();
        PrintWriter err = spec.commandLine().getErr();
        checkOut();
        List<Path> files = inputFiles(err);
        byte[] secret = SiteSecret.resolve(System.getenv(), DataFolder.resolve(System.getenv()),
                w -> err.println("alara-audit: warning: " + w));
        AuditRequest request = new AuditRequest(files, auditPeriod, pediatricAge, drlSet, institution, Instant.now(),
                ZoneId.systemDefault(), secret, 250_000, new ScanLogOptions(profile, sheet), wanted.contains(ReportSet.Format.XLSX));
        // A mistyped --drl-set is a usage error, found before the store is opened (a run that stops leaves no store
        // it created); only then does the store wait for the rules instead of opening beside their loading.
        if (drlSet != null) checkDrlSet(loading.get());
        AuditResult result;
        Written reports;
        try (HistoryOptions.Run runHistory = openHistory(loading, secret)) {
            RuleSet ruleSet = loading.get();
            try (TerminalProgress bar = TerminalProgress.create(progress, err)) {
                result = new AuditRun(ruleSet, AlaraAudit.version(), runHistory.earlier()).run(request, bar);
            }
            result.requireValidRows();
            result.requireStudiesInPeriod();
            // Reports first: a store that cannot be written must not cost the month's reports.
            reports = write(result, new ReportSet(wanted, reportTemplate, institution));
            // A run whose reports are not all written is not stored: the run that writes them stores the month.
            if (reports.failure() == null) runHistory.record(result);
            else if (runHistory.records()) reports = reports.notStored();
        }
        // The audit ran: its row accounting and findings are printed whether or not every report could be written,
        // then the failure, which names the reports not written (exit 5).
        Summary.print(spec.commandLine().getOut(), result, reports.written(), reports.notWritten());
        if (reports.failure() != null) throw reports.failure();
        if (failOn != null) {
            for (Finding f : result.findings()) if (f.severity().atLeast(failOn)) return ExitCode.FINDINGS_AT_FAIL_LEVEL;
        }
        return ExitCode.OK;
    }

    /** The store; when it cannot be opened, broken rules are still the error reported (exit 4), as when they were loaded first. */
    private HistoryOptions.Run openHistory(RuleSet.Loading loading, byte[] secret) {
        try {
            // the pseudonym of a fixed text: equal for equal secrets, telling nothing of the secret
            return history.openForAudit(new org.alaraaudit.scanlog.Pseudonymiser(secret).pseudonym("alara-audit: pseudonym check"));
        } catch (RuntimeException e) {
            loading.get();
            throw e;
        }
    }

    /**
     * Before anything is read: --out must take the reports (exit 5 naming it otherwise), and what killed runs
     * left behind (.part files there, spill folders in the temporary folder) is removed.
     */
    private void checkOut() {
        try {
            ReportFolder.check(out.folder);
        } catch (ReportFolder.Unusable e) {
            throw new ErrorReport.OutputException(e.getMessage(), e);
        }
        ReportFile.removeLeftOvers(out.folder);
        SpillFolder.removeLeftOvers();
    }

    /**
     * The input folders' scan logs, without the reports an earlier run wrote: with --out inside an input folder
     * (audit data --out data/reports) a second run would otherwise read its own findings.csv as a scan log.
     */
    private List<Path> inputFiles(PrintWriter err) {
        Path outFolder = out.folder.toAbsolutePath().normalize();
        boolean outInsideAnInput = inputs.stream().map(p -> p.toAbsolutePath().normalize())
                .anyMatch(p -> Files.isDirectory(p) && outFolder.startsWith(p) && !outFolder.equals(p));
        List<Path> skipped = new ArrayList<>();
        List<Path> notes = new ArrayList<>();
        List<Path> files = ScanLogInput.expand(inputs, f -> {
            boolean own = (outInsideAnInput && f.toAbsolutePath().normalize().startsWith(outFolder))
                    || OWN_REPORT.matcher(f.getFileName().toString()).matches();
            if (own) skipped.add(f);
            return own;
        }, new ScanLogOptions(profile, sheet), notes::add);
        notReading(err, skipped, "file", "that alara-audit wrote itself");
        notReading(err, notes, "text file", ScanLogInput.NOTES);
        return files;
    }

    /** The files a command leaves out of a folder, said on standard error. */
    static void notReading(PrintWriter err, List<Path> files, String noun, String why) {
        String line = ScanLogInput.notReading(files, noun, why);
        if (line != null) err.println("alara-audit: " + line);
    }

    private Set<ReportSet.Format> formats() {
        if (formats == null || formats.isEmpty()) return ReportSet.defaults();
        Set<ReportSet.Format> out = new LinkedHashSet<>();
        for (String f : formats) {
            ReportSet.Format format = ReportSet.Format.named(f);
            if (format == null) throw new ErrorReport.UsageException("--format " + f + ": expected pdf, xlsx, csv, json or html");
            out.add(format);
        }
        return out;
    }

    private AuditPeriod period() {
        try {
            return AuditPeriod.parse(period, from, to);
        } catch (IllegalArgumentException e) {
            throw new ErrorReport.UsageException(e.getMessage());
        }
    }

    private ReportTemplate loadTemplate() {
        try {
            return ReportTemplate.load(template);
        } catch (TemplateException e) {
            throw new ErrorReport.UsageException("--template " + template + ": " + e.getMessage());
        }
    }

    /**
     * The reports written and those not, with the failure to report once the summary is printed (null when all were
     * written): a writer's defect (exit 70) or the file system's failure naming every file (exit 5).
     */
    private record Written(List<Path> written, List<Path> notWritten, RuntimeException failure) {
        /** The failure also says the month is not in the history store: the summary above it could suggest it is. */
        Written notStored() {
            if (!(failure instanceof ErrorReport.OutputException)) return this;
            return new Written(written, notWritten, new ErrorReport.OutputException(failure.getMessage()
                    + "\n  This run was not recorded in the history store: run it again once every report can be written.", failure.getCause()));
        }
    }

    /** Writes the reports; when some cannot be written, the others still are, and which is which is returned. */
    private Written write(AuditResult result, ReportSet reports) {
        try {
            return new Written(reports.write(result, out.folder), List.of(), null);
        } catch (ConcurrentReports.NotAllWritten e) {
            return new Written(e.written(), List.copyOf(e.failed().keySet()), notWritten(e));
        } catch (IOException e) {
            throw new ErrorReport.OutputException(out.folder + ": " + e.getMessage(), e);
        }
    }

    /** The first writer defect as it is (exit 70); when the file system failed them all, which were written (exit 5). */
    static RuntimeException notWritten(ConcurrentReports.NotAllWritten e) {
        for (Throwable t : e.failed().values()) {
            if (!ErrorReport.isIoFailure(t)) return ErrorReport.writeFailure(e.getMessage(), t);
        }
        return new ErrorReport.OutputException(notAllWritten(e), e);
    }

    /** Which reports this run wrote and which it did not, each with the reason. */
    private static String notAllWritten(ConcurrentReports.NotAllWritten e) {
        StringBuilder m = new StringBuilder(e.failed().size() == 1 ? "1 report was not written" : e.failed().size() + " reports were not written");
        for (var f : e.failed().entrySet()) m.append("\n  not written: ").append(ConcurrentReports.NotAllWritten.describe(f));
        m.append("\n  written: ").append(e.written().isEmpty() ? "none"
                : String.join(", ", e.written().stream().map(Path::toString).toList()));
        m.append("\n  A file not written keeps what an earlier run left there, if anything: it is not this run's.");
        return m.toString();
    }
}

package org.alaraaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.alaraaudit.scanlog.CanonicalCsvWriter;
import org.alaraaudit.scanlog.DataFolder;
import org.alaraaudit.scanlog.RawRow;
import org.alaraaudit.scanlog.ScanLogOpener;
import org.alaraaudit.scanlog.ScanLogOptions;
import org.alaraaudit.scanlog.ScanLogReader;
import org.alaraaudit.scanlog.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alara-audit pull --dicomweb URL --from DATE --to DATE --out DIR}: a period's dose reports as a canonical scan log. */
@Command(name = "pull", mixinStandardHelpOptions = true, versionProvider = AlaraAudit.Version.class,
        description = "Pulls the dose reports of a period from a PACS over DICOMweb and saves them as a canonical CSV scan log.")
public final class PullCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DicomWebOptions dicomweb;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First study date (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last study date (YYYY-MM-DD).")
    String to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the scan log (dose-reports_FROM_TO.csv).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (dicomweb.url == null) throw new ErrorReport.UsageException("pull needs --dicomweb URL");
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        if (last.isBefore(first)) throw new ErrorReport.UsageException("--to " + to + " is before --from " + from);
        PrintWriter err = spec.commandLine().getErr();
        try {
            DataFolder.create(out);
        } catch (IOException e) {
            throw new ErrorReport.OutputException(out + ": cannot be created: " + e.getMessage(), e);
        }
        List<RawRow> rows = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (DicomWebOptions.Pulled pulled = dicomweb.pull(first, last, err); Stream<Path> s = Files.list(pulled.folder)) {
            ScanLogOpener opener = new ScanLogOpener(ScanLogOptions.DEFAULTS);
            List<Path> files = s.sorted().toList();
            // Each report opened once before any is read, as an audit does: whether two studies share an accession
            // is then known for every report, whatever order the archive sent them in.
            for (Path f : files) opener.open(f).close();
            for (Path f : files) {
                try (ScanLogReader r = opener.open(f)) {
                    while (r.hasNext()) {
                        RawRow row = r.next();
                        String reason = row.extras().get(RawRow.UNREADABLE);
                        if (reason == null) rows.add(row);
                        else unreadable.add(row.source().file() + " event " + row.source().line() + ": "
                                + (row.extras().get(RawRow.UNREADABLE_COLUMN) == null ? "" : row.extras().get(RawRow.UNREADABLE_COLUMN) + ": ") + reason);
                    }
                }
            }
        }
        Path csv = out.resolve("dose-reports_" + first + "_" + last + ".csv");
        int written;
        try {
            written = CanonicalCsvWriter.write(csv, rows);
        } catch (IOException e) {
            throw new ErrorReport.OutputException(csv + ": cannot be written: " + e.getMessage(), e);
        }
        for (String u : unreadable.stream().limit(10).toList()) err.println("alara-audit: not mapped: " + TerminalText.escape(u));
        if (unreadable.size() > 10) err.println("alara-audit: ... and " + (unreadable.size() - 10) + " more not mapped");
        spec.commandLine().getOut().println(written + " events written to " + csv + (unreadable.isEmpty() ? ""
                : "; " + unreadable.size() + " could not be mapped (listed above; audit --dicomweb lists them as rejected)"));
        return ExitCode.OK;
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ErrorReport.UsageException(option + " " + value + ": expected a date YYYY-MM-DD");
        }
    }
}

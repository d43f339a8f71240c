package org.alaraaudit.report.set;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.report.ConcurrentReports;
import org.alaraaudit.report.Disclosure;
import org.alaraaudit.report.excel.ExcelReport;
import org.alaraaudit.report.files.FindingsCsv;
import org.alaraaudit.report.files.FindingsJson;
import org.alaraaudit.report.html.AuditDashboard;
import org.alaraaudit.report.pdf.PdfReport;
import org.alaraaudit.report.pdf.ReportTemplate;

/**
 * The reports of one audit for the formats asked for, each with the file it goes to: {@code audit-PERIOD.pdf},
 * {@code audit-PERIOD.xlsx}, {@code findings.csv} with {@code rejected.csv}, {@code findings.json}, {@code audit-PERIOD.html}. The template
 * decides what every format may show, not only the PDF's look.
 */
public final class ReportSet {
    /** The formats, in the order their reports are written. */
    public enum Format {
        PDF, XLSX, CSV, JSON, HTML;

        /** The name on the command line. */
        public String code() { return name().toLowerCase(Locale.ROOT); }

        /** The format of this name (any case, surrounding blanks ignored); null when there is none. */
        public static Format named(String name) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (Format f : values()) if (f.code().equals(n)) return f;
            return null;
        }
    }

    private final Set<Format> formats;
    private final ReportTemplate template;
    private final String institution;

    /** {@code institution} is the name the PDF shows, null for none. */
    public ReportSet(Collection<Format> formats, ReportTemplate template, String institution) {
        this.formats = formats.isEmpty() ? EnumSet.noneOf(Format.class) : EnumSet.copyOf(formats);
        this.template = template;
        this.institution = institution;
    }

    /** What an audit writes when no format is asked for: every format but the dashboard, which a site asks for. */
    public static Set<Format> defaults() { return EnumSet.of(Format.PDF, Format.XLSX, Format.CSV, Format.JSON); }

    /** Each report with its file in {@code out}; each only reads the result, so they may be written at once. */
    public List<ConcurrentReports.Target> targets(AuditResult result, Path out) {
        String label = result.run().period().label();
        Disclosure shown = template.disclosure();
        List<ConcurrentReports.Target> reports = new ArrayList<>();
        if (formats.contains(Format.PDF)) {
            Path p = out.resolve("audit-" + label + ".pdf");
            reports.add(new ConcurrentReports.Target(p, () -> PdfReport.write(result, template, institution, p)));
        }
        if (formats.contains(Format.XLSX)) {
            Path x = out.resolve("audit-" + label + ".xlsx");
            reports.add(new ConcurrentReports.Target(x, () -> ExcelReport.write(result, shown, x)));
        }
        if (formats.contains(Format.CSV)) {
            Path f = out.resolve("findings.csv");
            Path r = out.resolve("rejected.csv");
            reports.add(new ConcurrentReports.Target(f, () -> FindingsCsv.writeFindings(result, shown, f)));
            reports.add(new ConcurrentReports.Target(r, () -> FindingsCsv.writeRejected(result, shown, r)));
        }
        if (formats.contains(Format.JSON)) {
            Path j = out.resolve("findings.json");
            reports.add(new ConcurrentReports.Target(j, () -> FindingsJson.write(result, shown, j)));
        }
        if (formats.contains(Format.HTML)) {
            Path h = out.resolve("audit-" + label + ".html");
            reports.add(new ConcurrentReports.Target(h, () -> AuditDashboard.write(result, shown, institution, h)));
        }
        return reports;
    }

    /**
     * Writes every report into {@code out} (created when missing), two at once on two cores, and returns the
     * files. When one fails the others are still written, and {@link ConcurrentReports.NotAllWritten} says which.
     */
    public List<Path> write(AuditResult result, Path out) throws IOException {
        List<ConcurrentReports.Target> reports = targets(result, out);
        Files.createDirectories(out);
        ConcurrentReports.writeEach(reports);
        return reports.stream().map(ConcurrentReports.Target::file).toList();
    }
}

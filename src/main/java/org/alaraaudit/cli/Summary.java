package org.alaraaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.Rejection;
import org.alaraaudit.scanlog.RowAccounting;
import org.alaraaudit.scanlog.TerminalText;

/** The short summary at the end of a run: row accounting, findings by severity, where the reports are. */
final class Summary {
    private Summary() {}

    /**
     * Paths, file names and rejected values come from the user's files; each is escaped
     * ({@link TerminalText}) so that none can drive the terminal or forge a line of the summary.
     */
    static void print(PrintWriter out, AuditResult r, List<Path> written) {
        print(out, r, written, List.of());
    }

    /** The summary of a run some of whose reports could not be written: those are named after the ones that were. */
    static void print(PrintWriter out, AuditResult r, List<Path> written, List<Path> notWritten) {
        RowAccounting a = r.rows();
        ComplianceFigures f = r.figures();
        out.printf(Locale.ROOT, "alara-audit %s  period %s  rules %s (%s)  DRL set %s%n", r.run().toolVersion(),
                r.run().period().label(), TerminalText.escape(r.run().ruleSetLocation()), r.run().ruleSetDigest().substring(0, 19), r.run().drlSet());
        out.printf(Locale.ROOT, "Rows: %d read = %d audited + %d rejected + %d duplicate + %d excluded%s%n",
                a.read(), a.audited(), a.rejected(), a.duplicate(), a.excluded(), a.reconciles() ? "" : "  (DOES NOT RECONCILE)");
        if (r.rowsOutsidePeriod() > 0) {
            out.printf(Locale.ROOT, "      %d audited rows lie outside the period: earlier studies are history (repeats, cumulative dose), later ones unused%n", r.rowsOutsidePeriod());
        }
        if (r.patientIdentifiersMissing()) {
            out.printf(Locale.ROOT, "      REPEAT_STUDY and CUMULATIVE_DOSE %s (%s)%n", AuditResult.NO_PATIENT_ID,
                    TerminalText.escape(String.join(", ", r.filesWithoutPatientIdentifiers())));
        }
        if (!r.warnings().isEmpty()) out.printf(Locale.ROOT, "      %d data warnings (unusual values, reused accession numbers; audited all the same)%n", r.warnings().size());
        // A file without a dose column loses whole rules without a finding to show for it: a count would hide that.
        for (DataWarning w : r.warnings()) {
            if (w.ofAbsentColumn()) out.println("WARNING: " + TerminalText.escape(w.file() + ": " + w.column() + " " + w.reason()));
        }
        int changed = r.tables() == null ? 0 : r.tables().siteValueChanges().size();
        if (changed > 0) {
            out.printf(Locale.ROOT, "WARNING: %d value%s of the rules' tables differ%s from this version's built-in row whose source and status %s"
                    + ": audited as local policy (rules validate lists them)%n", changed, changed == 1 ? "" : "s",
                    changed == 1 ? "s" : "", changed == 1 ? "it keeps" : "they keep");
        }
        out.printf(Locale.ROOT, "Studies: %d (%d pediatric), %d event%s; CT %d (%d pediatric)%n", f.studies(), f.pediatricStudies(),
                f.events(), f.events() == 1 ? "" : "s", f.ctStudies(), f.pediatricCtStudies());
        out.printf(Locale.ROOT, "Pediatric protocol compliance: %s   Repeat rate: %s%n", percent(f.pediatricProtocolCompliance()),
                percent(f.repeatRate()));
        StringBuilder sev = new StringBuilder();
        for (Map.Entry<String, Long> e : f.findingsBySeverity().entrySet()) sev.append("  ").append(e.getKey()).append(' ').append(e.getValue());
        out.printf(Locale.ROOT, "Findings: %d%s%n", r.findings().size(), sev);
        // The counts stay in one column however long a rule id is (a site's own rules may be longer still).
        int width = Math.max(34, f.findingsByRule().keySet().stream().mapToInt(String::length).max().orElse(0));
        for (Map.Entry<String, Long> e : f.findingsByRule().entrySet()) {
            out.printf(Locale.ROOT, "  %-" + width + "s %6d%n", e.getKey(), e.getValue());
        }
        if (!r.rejected().isEmpty()) {
            // The period's rows first: the history months' rejections are many, and a month whose own rows were
            // rejected must not look clean behind them.
            List<Rejection> inPeriod = r.rejectedInPeriod();
            java.util.Set<Rejection> ofPeriod = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            ofPeriod.addAll(inPeriod);
            List<Rejection> shown = new java.util.ArrayList<>(inPeriod.subList(0, Math.min(5, inPeriod.size())));
            for (Rejection x : r.rejected()) {
                if (shown.size() >= 5) break;
                if (!ofPeriod.contains(x)) shown.add(x);
            }
            // A row whose study date cannot be read is of no known period: "not in the period" would be a guess.
            long undated = r.rejected().stream().filter(x -> x.studyDay() == null && !ofPeriod.contains(x)).count();
            String ofPeriodRows = r.rejected().size() == 1
                    ? (!inPeriod.isEmpty() ? "in a study of the period" : undated == 1 ? "its study date unknown" : "not in a study of the period")
                    : (inPeriod.isEmpty() ? "none in a study of the period" + (undated > 0 ? " by its date" : "")
                            : inPeriod.size() + " of them in studies of the period (listed first)")
                    + (undated == 0 ? "" : ", " + undated + " without a readable study date");
            String listed = r.rejected().size() == 1 ? "in rejected.csv" : shown.size() == r.rejected().size() ? "all in rejected.csv"
                    : "the first " + shown.size() + ", all in rejected.csv";
            out.printf(Locale.ROOT, "Rejected rows: %d, %s; %s:%n", r.rejected().size(), ofPeriodRows, listed);
            for (Rejection x : shown) {
                boolean study = ofPeriod.contains(x) && x.accessionNumber() != null && !Rejection.VALUE_WITHHELD.equals(x.accessionNumber());
                out.println("  " + x.message() + (study ? TerminalText.escape(" (study " + x.accessionNumber() + ")") : ""));
            }
        }
        out.println("Reports:");
        for (Path p : written) out.println("  " + TerminalText.escape(p.toString()));
        // Named here too, so that a log of standard output alone does not list fewer reports as if that were all.
        for (Path p : notWritten) out.println("  NOT WRITTEN: " + TerminalText.escape(p.toString()) + " (the error says why)");
        String others = otherPeriods(written, r.run().period().label());
        if (others != null) out.println(TerminalText.escape(others));
        out.flush();
    }

    /** The reports named by their period (report.set.ReportSet): a month, FROM_TO or "all"; no other file's name is echoed. */
    private static final java.util.regex.Pattern PERIOD_REPORT = java.util.regex.Pattern.compile(
            "audit-(\\d{4}-\\d{2}|\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}|all)\\.(pdf|xlsx|html)");
    private static final List<String> ONE_RUN_FILES = List.of("findings.csv", "rejected.csv", "findings.json");

    /**
     * When the folder also holds another period's reports, the sentence that says the files named without a period
     * are this run's only: a monthly job writing into one folder keeps each month's PDF and workbook, but each run
     * replaces findings.csv, rejected.csv and findings.json, which a reader could take for the other month's.
     */
    static String otherPeriods(List<Path> written, String label) {
        List<String> replaced = written.stream().map(p -> p.getFileName().toString()).filter(ONE_RUN_FILES::contains).toList();
        if (replaced.isEmpty()) return null;
        Path folder = written.get(0).toAbsolutePath().getParent();
        java.util.TreeSet<String> periods = new java.util.TreeSet<>();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
            files.forEach(f -> {
                java.util.regex.Matcher m = PERIOD_REPORT.matcher(f.getFileName().toString());
                if (m.matches() && !m.group(1).equals(label)) periods.add(m.group(1));
            });
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null; // the reports are written; a folder that cannot be listed again only loses this hint
        }
        if (periods.isEmpty()) return null;
        Path shown = written.get(0).getParent();
        return "Note: " + (shown == null ? "this folder" : shown + "/") + " also holds the PDF or workbook of " + String.join(", ", periods)
                + ", but its " + String.join(", ", replaced) + " now hold" + (replaced.size() == 1 ? "s" : "") + " this run's (" + label
                + ") only: an earlier run's were replaced. Give each period its own --out to keep every period's.";
    }

    private static String percent(Double d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", d * 100);
    }
}

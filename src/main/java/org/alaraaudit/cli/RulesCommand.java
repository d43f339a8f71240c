package org.alaraaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alaraaudit.model.ReferenceStatus;
import org.alaraaudit.rules.PolicyTables;
import org.alaraaudit.rules.ReferenceConfirmation;
import org.alaraaudit.rules.ReferenceTables;
import org.alaraaudit.rules.RuleDescription;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.rules.SiteValueChange;
import org.alaraaudit.rules.ThresholdChange;
import org.alaraaudit.rules.ThresholdChanges;
import org.alaraaudit.rules.ThresholdWorkbook;
import org.alaraaudit.rules.ThresholdWorkbookException;
import org.alaraaudit.rules.ThresholdWorkbookWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alara-audit rules list|validate|test|export-thresholds|derive-ranges}: what the policy in force checks, whether it
 * compiles, the thresholds workbook written from the CSV tables, and expected ranges proposed from local history.
 */
@Command(name = "rules", description = "Lists or validates the rules and tables.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Validate.class, RulesTestCommand.class,
                RulesCommand.ExportThresholds.class, DeriveRangesCommand.class, RulesCommand.VerifyTables.class})
public final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: list, validate, test, export-thresholds, derive-ranges or verify-tables");
    }

    @Command(name = "list", description = "Each rule's id, severity, scope and source.")
    static final class ListRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Override
        public Integer call() {
            ShortRun.rules();
            RuleSet rs = RuleSet.load(rules.folder);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Rules from %s (%s)%n%n", rs.location(), rs.digest());
            out.printf(Locale.ROOT, "%-34s %-9s %-17s %s%n", "RULE ID", "SEVERITY", "SCOPE", "WHEN / SOURCE");
            for (RuleDescription d : rs.rules()) {
                out.printf(Locale.ROOT, "%-34s %-9s %-17s %s%n", d.ruleId(), d.severity(), d.scope(), d.name());
                if (d.description() != null) out.printf(Locale.ROOT, "%-62s %s%n", "", d.description());
                out.printf(Locale.ROOT, "%-62s source: %s%n", "", d.source());
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "validate", description = {"Compiles the rules and checks every table.",
            "Lists each value on which the thresholds workbook (tables/thresholds.drl.xlsx) and the CSV tables disagree,",
            "and each number a table changed while keeping the built-in row's source and status."})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Option(names = "--strict", description = {"Exit 4 when the thresholds workbook and the CSV tables disagree on any value,",
                "or when a table changes a built-in value but keeps its source and status."})
        boolean strict;

        @Override
        public Integer call() {
            ShortRun.rules();
            RuleSet rs = RuleSet.load(rules.folder);
            long ids = rs.rules().stream().map(RuleDescription::ruleId).distinct().count();
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "OK: %d rules (%d rule ids) compiled, tables valid; %s%n", rs.rules().size(), ids, rs.digest());
            printReferences(out, rs.tables().references());
            ThresholdChanges t = rs.thresholds();
            if (t.present()) printConflicts(out, t);
            List<SiteValueChange> changed = rs.tables().siteValueChanges();
            for (SiteValueChange c : changed) out.printf(Locale.ROOT, "WARNING %s%n", c.describe());
            if (!changed.isEmpty()) {
                out.printf(Locale.ROOT, "  %d value%s from this version's built-in row but keep%s its source and status: a number"
                        + " of the site's own needs status local-policy and a source of its own; a number read in the cited publication"
                        + " needs the row confirmed (verified_by, verified_on). Until then the audit reads %s as local policy: findings,"
                        + " tables and counts cite the site for %s, and the PDF methodology lists %s%n",
                        changed.size(), changed.size() == 1 ? " differs" : "s differ", changed.size() == 1 ? "s" : "",
                        changed.size() == 1 ? "it" : "them", changed.size() == 1 ? "it" : "them", changed.size() == 1 ? "it" : "them");
            }
            out.flush();
            if (strict && !t.conflicts().isEmpty()) {
                spec.commandLine().getErr().printf(Locale.ROOT, "alara-audit: --strict: %d conflict%s between tables/%s and the CSV tables%n",
                        t.conflicts().size(), t.conflicts().size() == 1 ? "" : "s", t.workbook());
                spec.commandLine().getErr().flush();
                return ExitCode.RULES_INVALID;
            }
            if (strict && !changed.isEmpty()) {
                spec.commandLine().getErr().printf(Locale.ROOT, "alara-audit: --strict: %d value%s changed under a built-in source and status%n",
                        changed.size(), changed.size() == 1 ? "" : "s");
                spec.commandLine().getErr().flush();
                return ExitCode.RULES_INVALID;
            }
            return ExitCode.OK;
        }
    }

    /** The reference values per status, over all tables and per table, and what the site has confirmed. */
    private static void printReferences(PrintWriter out, ReferenceTables refs) {
        out.printf(Locale.ROOT, "Reference values: %d in %d tables: %s; confirmed by the site: %d%n", refs.size(), refs.tables().size(),
                statusCounts(refs.counts()), refs.confirmedCount());
        for (ReferenceTables.Table t : refs.tables()) {
            String confirmed = t.confirmedCount() == 0 ? "" : "; confirmed " + t.confirmedCount() + " (" + String.join(", ", t.confirmations()) + ")";
            out.printf(Locale.ROOT, "  %-30s %4d  %s%s%n", t.file(), t.values().size(), statusCounts(t.counts()), confirmed);
        }
        for (ReferenceTables.Table t : refs.withoutStatus()) {
            out.printf(Locale.ROOT, "  WARNING %s has no status column: its %d values count as unverified%n", t.file(), t.values().size());
        }
    }

    private static String statusCounts(java.util.Map<ReferenceStatus, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        for (ReferenceStatus s : ReferenceStatus.values()) {
            Integer n = counts.get(s);
            if (n == null) continue;
            sb.append(sb.length() == 0 ? "" : ", ").append(s.code()).append(' ').append(n);
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private static void printConflicts(PrintWriter out, ThresholdChanges t) {
        int n = t.conflicts().size();
        int used = t.applied().size();
        if (n == 0) {
            out.printf(Locale.ROOT, "Decision table tables/%s: %d rows, all values agree with the CSV tables%n", t.workbook(), t.rows());
            return;
        }
        out.printf(Locale.ROOT, "Decision table tables/%s: %d rows, %d conflict%s with the CSV tables (%d value%s used from the workbook):%n",
                t.workbook(), t.rows(), n, n == 1 ? "" : "s", used, used == 1 ? "" : "s");
        for (ThresholdChange c : t.conflicts()) out.println("  CONFLICT " + c.describe());
    }

    @Command(name = "verify-tables", description = {
            "Records that NAME confirmed the rules folder's reference tables against their publications.",
            "Fills verified_by and verified_on of every row (of the TABLEs given, else of every table with a source column).",
            "The reports then say \"confirmed by NAME on DATE\" instead of the default status."})
    static final class VerifyTables implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rules", paramLabel = "DIR", required = true,
                description = "The rules folder whose tables/ are confirmed (the built-in rules cannot be changed).")
        Path rules;

        @Option(names = "--by", paramLabel = "NAME", required = true, description = "Who confirmed the values (name, role).")
        String by;

        @Option(names = "--on", paramLabel = "DATE", description = "When (YYYY-MM-DD; default today).")
        java.time.LocalDate on;

        @Parameters(paramLabel = "TABLE", arity = "0..*", description = "Table file names, e.g. drl-us-kanal2022.csv (default: all).")
        List<String> names = List.of();


        @Override
        public Integer call() {
            Path tables = rules.resolve("tables");
            if (!Files.isDirectory(tables)) throw new ErrorReport.UsageException(rules + ": not a rules folder (no tables/ in it)");
            java.time.LocalDate date = on != null ? on : java.time.LocalDate.now();
            if (date.isAfter(java.time.LocalDate.now())) throw new ErrorReport.UsageException("--on " + date + " lies in the future");
            if (by.isBlank() || by.chars().anyMatch(Character::isISOControl)) {
                throw new ErrorReport.UsageException("--by needs a name without control characters");
            }
            ReferenceTables refs = ReferenceTables.load(tables);
            List<String> chosen = new java.util.ArrayList<>();
            for (String n : names) {
                if (refs.tables().stream().noneMatch(t -> t.file().equals(n))) {
                    throw new ErrorReport.UsageException(n + ": no reference table of that name in " + tables + " (tables with a source column: "
                            + String.join(", ", refs.tables().stream().map(ReferenceTables.Table::file).toList()) + ")");
                }
                chosen.add(n);
            }
            if (chosen.isEmpty()) refs.tables().forEach(t -> chosen.add(t.file()));
            PrintWriter o = spec.commandLine().getOut();
            for (String n : chosen) {
                int rows = ReferenceConfirmation.confirm(tables.resolve(n), by, date);
                o.printf(Locale.ROOT, "Confirmed %s: %d rows, verified_by %s, verified_on %s%n", n, rows, by.trim(), date);
            }
            // The changed tables must still load: the rule set's digest now names the confirmed tables.
            printReferences(o, ReferenceTables.load(tables));
            o.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "export-thresholds", description = {
            "Writes DIR/tables/thresholds.drl.xlsx from the CSV tables of the rules folder DIR.",
            "The expected dose ranges, notification values, settings and cumulative-dose levels, as one decision table",
            "to edit in LibreOffice or Excel."})
    static final class ExportThresholds implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The rules folder (its tables/ subfolder is read and written).")
        Path dir;

        @Option(names = "--force", description = "Replace a workbook whose values differ from the CSV tables (those edits are lost).")
        boolean force;


        @Override
        public Integer call() throws IOException {
            Path tables = dir.resolve("tables");
            if (!Files.isDirectory(tables)) throw new ErrorReport.UsageException(dir + ": not a rules folder (no tables/ in it)");
            Path out = tables.resolve(ThresholdWorkbook.FILE);
            PrintWriter err = spec.commandLine().getErr();
            if (Files.exists(out) && !force) {
                // The export writes the CSV values: a workbook edit not yet copied into the CSV would be lost.
                List<ThresholdChange> edits;
                try {
                    edits = PolicyTables.load(tables).thresholds().applied();
                } catch (ThresholdWorkbookException e) {
                    err.println("alara-audit: tables/" + ThresholdWorkbook.FILE + " has errors (below); --force replaces it:");
                    e.problems().forEach(p -> err.println("  ERROR tables/" + p));
                    err.flush();
                    return ExitCode.RULES_INVALID;
                }
                if (!edits.isEmpty()) {
                    err.printf(Locale.ROOT, "alara-audit: tables/%s has %d value%s the CSV tables do not have; copy %s into the CSV"
                            + " tables first, or --force to discard %s:%n", ThresholdWorkbook.FILE, edits.size(), edits.size() == 1 ? "" : "s",
                            edits.size() == 1 ? "it" : "them", edits.size() == 1 ? "it" : "them");
                    edits.forEach(c -> err.println("  " + c.describe()));
                    err.flush();
                    return ExitCode.USAGE;
                }
            }
            ThresholdWorkbookWriter.write(ThresholdWorkbook.readCsv(tables), out);
            ThresholdChanges written = PolicyTables.load(tables).thresholds();
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "Wrote %s: %d rows from the CSV tables%n", out, written.rows());
            o.flush();
            return ExitCode.OK;
        }
    }
}

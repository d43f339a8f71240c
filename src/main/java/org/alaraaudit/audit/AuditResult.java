package org.alaraaudit.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alaraaudit.audit.aggregate.ProjectionTally;
import org.alaraaudit.audit.aggregate.ProjectionFigures;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.audit.aggregate.PeriodEvents;
import org.alaraaudit.audit.aggregate.ProtocolStatistics;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Findings;
import org.alaraaudit.model.Severity;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.PolicyTables;
import org.alaraaudit.rules.RuleDescription;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.Rejection;
import org.alaraaudit.scanlog.RowAccounting;

/** Everything one audit run found; every report is a reader of this. Built with {@link #builder()}. */
public record AuditResult(
        RunInfo run,
        RowAccounting rows,
        long rowsOutsidePeriod,
        /** The first and last day of the input's studies, in the period or not ({@link AuditPeriod#WHOLE_INPUT} without any). */
        AuditPeriod inputDays,
        ComplianceFigures figures,
        List<DrlGroup> drlGroups,
        List<ProtocolStatistics> protocols,
        Findings findings,
        List<Rejection> rejected,
        List<DataWarning> warnings,
        List<RuleDescription> rules,
        PolicyTables tables,
        /** The previous period's stored figures for month-over-month change; null without history or without that period. */
        PreviousPeriod previousPeriod,
        /** Inputs without a patient identifier: there each study is its own patient, so repeats and cumulative dose are not assessable. */
        List<String> filesWithoutPatientIdentifiers,
        /** The imported reviews of this run's findings and the earlier periods' findings still awaiting review; never null. */
        Reviews reviews,
        /** The period's irradiation events, one row each, and the scanners they came from; never null. */
        PeriodEvents events,
        /** The radiography and fluoroscopy figures (typical values, deviation index, retake rates); never null. */
        ProjectionFigures projection,
        /**
         * Whether the run read a history store (false with --no-history and on Spark): a report without a previous period
         * says which it lacks, the store or a stored run of the same length ({@link PreviousPeriod#whyNone}).
         */
        boolean historyStoreRead) {

    /** A result to fill in part by part: the run builds one, and a test changes one part of a result it has. */
    public static Builder builder() { return new Builder(); }

    /** A builder holding this result's parts. */
    public Builder toBuilder() {
        return new Builder().run(run).rows(rows).rowsOutsidePeriod(rowsOutsidePeriod).inputDays(inputDays).figures(figures).drlGroups(drlGroups)
                .protocols(protocols).findings(findings).rejected(rejected).warnings(warnings).rules(rules).tables(tables)
                .previousPeriod(previousPeriod).filesWithoutPatientIdentifiers(filesWithoutPatientIdentifiers)
                .reviews(reviews).events(events).projection(projection).historyStoreRead(historyStoreRead);
    }

    /** The parts of a result; those not given are empty (no previous period, no reviews, no events kept). */
    public static final class Builder {
        private RunInfo run;
        private RowAccounting rows;
        private long rowsOutsidePeriod;
        private AuditPeriod inputDays = AuditPeriod.WHOLE_INPUT;
        private ComplianceFigures figures;
        private List<DrlGroup> drlGroups = List.of();
        private List<ProtocolStatistics> protocols = List.of();
        private Findings findings = Findings.NONE;
        private List<Rejection> rejected = List.of();
        private List<DataWarning> warnings = List.of();
        private List<RuleDescription> rules = List.of();
        private PolicyTables tables;
        private PreviousPeriod previousPeriod;
        private List<String> filesWithoutPatientIdentifiers = List.of();
        private Reviews reviews = Reviews.NONE;
        private PeriodEvents events = PeriodEvents.NONE;
        private ProjectionFigures projection = ProjectionFigures.NONE;
        private boolean historyStoreRead;

        private Builder() {}

        public Builder run(RunInfo v) { run = v; return this; }

        public Builder rows(RowAccounting v) { rows = v; return this; }

        public Builder rowsOutsidePeriod(long v) { rowsOutsidePeriod = v; return this; }

        public Builder inputDays(AuditPeriod v) { inputDays = v; return this; }

        public Builder figures(ComplianceFigures v) { figures = v; return this; }

        public Builder drlGroups(List<DrlGroup> v) { drlGroups = v; return this; }

        public Builder protocols(List<ProtocolStatistics> v) { protocols = v; return this; }

        public Builder findings(Findings v) { findings = v; return this; }

        /** Findings in memory, in the order given. */
        public Builder findings(List<Finding> v) { findings = Findings.of(v); return this; }

        public Builder rejected(List<Rejection> v) { rejected = v; return this; }

        public Builder warnings(List<DataWarning> v) { warnings = v; return this; }

        public Builder rules(List<RuleDescription> v) { rules = v; return this; }

        public Builder tables(PolicyTables v) { tables = v; return this; }

        public Builder previousPeriod(PreviousPeriod v) { previousPeriod = v; return this; }

        public Builder filesWithoutPatientIdentifiers(List<String> v) { filesWithoutPatientIdentifiers = v; return this; }

        public Builder reviews(Reviews v) { reviews = v; return this; }

        public Builder events(PeriodEvents v) { events = v; return this; }

        public Builder projection(ProjectionFigures v) { projection = v; return this; }

        public Builder historyStoreRead(boolean v) { historyStoreRead = v; return this; }

        public AuditResult build() {
            return new AuditResult(run, rows, rowsOutsidePeriod, inputDays, figures, drlGroups, protocols, findings, rejected, warnings,
                    rules, tables, previousPeriod, filesWithoutPatientIdentifiers, reviews, events, projection, historyStoreRead);
        }
    }

    /** Said once in every report when some input had no patient identifier (scan-log format, OpenREM exports). */
    public static final String NO_PATIENT_ID = org.alaraaudit.scanlog.ScanLogInput.NO_PATIENT_ID;

    public boolean patientIdentifiersMissing() { return !filesWithoutPatientIdentifiers.isEmpty(); }

    /**
     * The patients to call back: the findings of the rules whose metadata gives a follow-up ({@code @followUp}), the
     * one selection the reports' follow-up lists and the history store's count read.
     */
    public FollowUps followUps() { return FollowUps.of(rules, findings); }

    /**
     * No study of the input falls in the period although the input has studies: most often a mistyped
     * {@code --period} or the wrong month's export, or an export whose rows of the period were all rejected, whose
     * count and first rows it then gives. Null otherwise; else the sentences every output gives.
     */
    public String emptyPeriod() {
        if (figures == null || figures.studies() > 0 || inputDays.isWholeInput() || run.period().isWholeInput()) return null;
        String days = "No study of the input falls in the period " + run.period().from() + " to " + run.period().to()
                + "; the input's studies run from " + inputDays.from() + " to " + inputDays.to() + ".";
        // The period's rows may all have been rejected (an export with a column emptied): then the export needs fixing,
        // not --period, and nothing being written means there is no rejected.csv to look in, so the rows are quoted here.
        List<Rejection> dated = new java.util.ArrayList<>();
        List<Rejection> undated = new java.util.ArrayList<>();
        for (Rejection r : rejected) {
            LocalDate day = r.studyDay();
            if (day == null) undated.add(r);
            else if (run.period().contains(day.atStartOfDay())) dated.add(r);
        }
        if (!dated.isEmpty()) {
            return days + " " + rows(dated.size()) + " dated in the period " + (dated.size() == 1 ? "was" : "were")
                    + " rejected: fix the export rather than --period." + quoted(dated);
        }
        String check = days + " Check --period and the files.";
        // A date cell the reader could not read (another date format) hides which period a row belongs to.
        if (!undated.isEmpty()) {
            return check + " " + rows(undated.size()) + " rejected " + (undated.size() == 1 ? "has" : "have")
                    + " no study date that can be read." + quoted(undated);
        }
        return check;
    }

    /** How many rejected rows {@link #emptyPeriod} quotes: as many as the summary lists. */
    private static final int QUOTED_REJECTIONS = 5;

    private static String rows(int n) { return n == 1 ? "1 row" : n + " rows"; }

    /** The first rejected rows, one a line, as the summary prints them: file, line, column, value and reason. */
    private static String quoted(List<Rejection> rows) {
        StringBuilder m = new StringBuilder(rows.size() > QUOTED_REJECTIONS ? " The first " + QUOTED_REJECTIONS + ":" : "");
        rows.stream().limit(QUOTED_REJECTIONS).forEach(r -> m.append("\n  ").append(r.message()));
        return m.toString();
    }

    /**
     * The rejected rows of studies in the period, in input order: by the date their own cell gives, or, when that
     * cell is no date, by the study of the period a STUDY_INCOMPLETE finding says the row belongs to. Each leaves a
     * study of the period audited without it (its dose incomplete, or the study missing). Other rows whose date is
     * empty or not a date are not among them; rejected.csv has every row.
     */
    public List<Rejection> rejectedInPeriod() {
        java.util.Set<String> incomplete = new java.util.HashSet<>();
        for (Finding f : findings) {
            if (org.alaraaudit.rules.RuleIds.STUDY_INCOMPLETE.equals(f.ruleId())) incomplete.add(Study.key(f.facility(), f.accessionNumber()));
        }
        List<Rejection> out = new java.util.ArrayList<>();
        for (Rejection r : rejected) {
            LocalDate day = r.studyDay();
            if (day != null ? run.period().contains(day.atStartOfDay())
                    : incomplete.contains(Study.key(r.facility(), r.accessionNumber()))) out.add(r);
        }
        return out;
    }

    /**
     * When the cumulative-dose look-back window of the period reaches back before the input's first study, the
     * sentence every output gives: a sum then counts those earlier days only as far as a history store kept them,
     * and "in the 365-day window" alone would claim a year of data the audit may not have had. Null otherwise.
     */
    public String windowBeforeInput() {
        if (figures == null || figures.cumulativeMarrowDoseProfile() == null || inputDays.isWholeInput() || run.period().to() == null) {
            return null;
        }
        int days = figures.cumulativeMarrowDoseProfile().windowDays();
        LocalDate windowFrom = run.period().to().minusDays(days - 1L);
        if (!inputDays.from().isAfter(windowFrom)) return null;
        return "The " + days + "-day look-back window runs from " + windowFrom + " to " + run.period().to() + "; the input's studies"
                + " start on " + inputDays.from() + ", so earlier doses count only as far as a history store kept them from earlier"
                + " audits, and a cumulative dose may be a lower bound.";
    }

    /**
     * Stops a run whose input has no study in its period (exit 3 for the commands, nothing written or stored): a
     * report of no studies, with its sign-off page, and a clean exit would read as an all-clear.
     */
    /** No valid rows is an unusable input (exit 3): nothing is written for it, whichever way the audit ran. */
    public void requireValidRows() {
        if (rows().audited() > 0) return;
        String files = String.join(", ", run().inputs().stream().map(f -> f.file()).toList());
        StringBuilder m = new StringBuilder(files + ": no valid rows (" + rows().read() + " read, "
                + rows().rejected() + " rejected, " + rows().duplicate() + " duplicate, "
                + rows().excluded() + " excluded)");
        rejected().stream().limit(3).forEach(r -> m.append("\n  ").append(r.message()));
        throw new org.alaraaudit.scanlog.ScanLogException(m.toString());
    }

    public void requireStudiesInPeriod() {
        String empty = emptyPeriod();
        // After a list of rows, on a line of its own, so it is not read as part of the last row's reason.
        if (empty != null) throw new org.alaraaudit.scanlog.ScanLogException(empty + (empty.contains("\n") ? "\n" : " ") + "Nothing was written.");
    }

    /** A finding's review as a safety officer filled it in on the workbook and {@code review import} stored it. */
    public record Review(org.alaraaudit.model.ReviewStatus status, String justification, String reviewer, LocalDate reviewedOn) {
        /** OPEN, or no review at all: the finding still awaits one. */
        public boolean open() { return status == null || status == org.alaraaudit.model.ReviewStatus.OPEN; }
    }

    /** A CRITICAL or MAJOR finding of an earlier recorded period with no review yet, or one marked OPEN. */
    public record OpenFinding(String findingId, String ruleId, Severity severity, String facility, String accessionNumber,
                              LocalDateTime studyDatetime, String message, LocalDate periodFrom, LocalDate periodTo,
                              Review review) {}

    /**
     * Reviews from the history store: {@code byFindingId} for this run's findings that have one (a finding
     * without an entry has not been reviewed), and the earlier periods' CRITICAL/MAJOR findings still open.
     */
    public record Reviews(Map<String, Review> byFindingId, List<OpenFinding> openFromEarlierPeriods) {
        public static final Reviews NONE = new Reviews(Map.of(), List.of());

        /** The review of this finding, or null when it has none. */
        public Review of(Finding f) { return byFindingId.get(f.findingId()); }

        /** How many of these findings of at least {@code severity} still await a review (none, or OPEN). */
        public long stillOpen(Findings findings, Severity severity) {
            return findings.stream().filter(f -> f.severity().atLeast(severity))
                    .filter(f -> of(f) == null || of(f).open()).count();
        }
    }

    /** Where an audit run finds the reviews: the history store implements it beside {@link DoseHistory}. */
    public interface ReviewSource {
        Reviews reviews(Findings findings, AuditPeriod period, Set<String> facilities);
    }
}
